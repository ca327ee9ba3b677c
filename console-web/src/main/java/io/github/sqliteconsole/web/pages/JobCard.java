package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.web.security.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One job kind on a page: what it does, and its running or latest job (null if none ran since the
 * console started).
 *
 * @param mutates true for maintenance: it needs the OPERATOR role and asks for confirmation
 * @param operatorOnly true for maintenance and backup (a backup is all the data): only an
 *        OPERATOR starts or cancels it
 */
public record JobCard(String kind, String title, String description, boolean mutates, boolean operatorOnly, JobSnapshot job) {

    private record Kind(String title, String description, boolean mutates, boolean operatorOnly) {
        Kind(String title, String description, boolean mutates) {
            this(title, description, mutates, mutates);
        }
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("quick-check", new Kind("Quick check",
                "PRAGMA quick_check table by table: page structure, no index-to-table comparison.", false));
        KINDS.put("integrity-check", new Kind("Integrity check",
                "PRAGMA integrity_check table by table, then page accounting. Slow on big files.", false));
        KINDS.put("foreign-key-check", new Kind("Foreign-key check",
                "Child rows whose parent is missing, for every declared foreign key.", false));
        KINDS.put("orphan-scan", new Kind("Orphan scan",
                "Orphans of declared keys, of *_id columns that name a table, and of configured relations.", false));
        KINDS.put("analyze", new Kind("ANALYZE", "Refreshes the statistics the query planner uses. Reads every index.", true));
        KINDS.put("optimize", new Kind("PRAGMA optimize",
                "Re-analyzes only what changed, with a bounded sample (analysis_limit). Cheap; safe to run often.", true));
        KINDS.put("checkpoint", new Kind("WAL checkpoint",
                "Copies the WAL into the database. PASSIVE never waits; TRUNCATE also empties the WAL file.", true));
        KINDS.put("reindex", new Kind("REINDEX", "Rebuilds every index. Needed after a collation changed.", true));
        KINDS.put("incremental-vacuum", new Kind("Incremental vacuum",
                "Returns free pages to the disk without a full rewrite (auto_vacuum = INCREMENTAL only).", true));
        KINDS.put("backup", new Kind("Backup snapshot",
                "Copies the live database with the online backup API, checks the copy (quick_check, page count) and hashes it."
                        + " The file then waits " + SqliteConsole.PREPARED_BACKUP_KEPT.toMinutes() + " minutes for one download.",
                false, true));
        KINDS.put("vacuum", new Kind("VACUUM", "Rewrites the whole file without free pages. Holds an exclusive lock.", true));
    }

    /** Whether {@code role} may start or cancel jobs of this kind (read-only mode aside). */
    public boolean allows(Role role) {
        return !operatorOnly || role.allows(Role.OPERATOR);
    }

    static Optional<JobCard> of(String kind, JobSnapshot job) {
        Kind known = KINDS.get(kind);
        return known == null ? Optional.empty()
                : Optional.of(new JobCard(kind, known.title(), known.description(), known.mutates(), known.operatorOnly(), job));
    }

    public boolean running() {
        return job != null && !job.state().finished();
    }

    public int percent() {
        return job == null ? 0 : (int) Math.round(job.progress() * 100);
    }
}
