package io.github.sqliteconsole.core.job;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every job the console can run, listed once: what the API calls it, what a page shows, who may
 * start or cancel it, whether it changes the database, and what its result is. Pages, routes, the
 * JSON and the result fragments all read this list; the work behind each kind is wired in one
 * exhaustive switch of the console ({@code ConsoleJobs}), so a constant without work does not compile.
 *
 * <p>The order is the order the pages show the cards in.
 */
public enum JobKind {
    QUICK_CHECK("quick-check", Group.CHECK, "Quick check",
            "PRAGMA quick_check table by table: page structure, no index-to-table comparison.",
            Access.VIEWER, false, IntegrityReport.class),
    INTEGRITY_CHECK("integrity-check", Group.CHECK, "Integrity check",
            "PRAGMA integrity_check table by table, then page accounting. Slow on big files.",
            Access.VIEWER, false, IntegrityReport.class),
    FOREIGN_KEY_CHECK("foreign-key-check", Group.CHECK, "Foreign-key check",
            "Child rows whose parent is missing, for every declared foreign key.",
            Access.VIEWER, false, ForeignKeyReport.class),
    ORPHAN_SCAN("orphan-scan", Group.CHECK, "Orphan scan",
            "Orphans of declared keys, of *_id columns that name a table, and of configured relations.",
            Access.VIEWER, false, OrphanReport.class),
    OPTIMIZE("optimize", Group.MAINTENANCE, "PRAGMA optimize",
            "Re-analyzes only what changed, with a bounded sample (analysis_limit). Cheap; safe to run often.",
            Access.OPERATOR, true, MaintenanceResult.class),
    ANALYZE("analyze", Group.MAINTENANCE, "ANALYZE",
            "Refreshes the statistics the query planner uses. Reads every index.",
            Access.OPERATOR, true, MaintenanceResult.class),
    CHECKPOINT("checkpoint", Group.MAINTENANCE, "WAL checkpoint",
            "Copies the WAL into the database. PASSIVE never waits; TRUNCATE also empties the WAL file.",
            Access.OPERATOR, true, MaintenanceResult.class,
            new JobParameter("mode", "Checkpoint mode", Map.of("PASSIVE", "PASSIVE", "TRUNCATE", "TRUNCATE"), "PASSIVE", "TRUNCATE")),
    REINDEX("reindex", Group.MAINTENANCE, "REINDEX",
            "Rebuilds every index. Needed after a collation changed.",
            Access.OPERATOR, true, MaintenanceResult.class),
    INCREMENTAL_VACUUM("incremental-vacuum", Group.MAINTENANCE, "Incremental vacuum",
            "Returns free pages to the disk without a full rewrite (auto_vacuum = INCREMENTAL only).",
            Access.OPERATOR, true, MaintenanceResult.class),
    VACUUM("vacuum", Group.MAINTENANCE, "VACUUM",
            "Rewrites the whole file without free pages. Holds an exclusive lock.",
            Access.OPERATOR, true, MaintenanceResult.class),
    /** Reads only, but hands out all the data: an OPERATOR's job. */
    BACKUP("backup", Group.BACKUP, "Backup snapshot",
            "Copies the live database with the online backup API, checks the copy (quick_check, page count) and hashes it."
                    + " The file then waits " + PreparedBackup.KEPT.toMinutes() + " minutes for one download.",
            Access.OPERATOR, false, PreparedBackup.class,
            new JobParameter("compress", "Compression", Map.of("none", ".db", "gzip", ".db.gz (gzip)"), "none", "gzip")),
    STORED_BACKUP("stored-backup", Group.BACKUP, "Back up now",
            "Takes a stored backup now: online copy, quick_check, row counts and SHA-256, kept by the retention"
                    + " policy and copied to every secondary directory.",
            Access.OPERATOR, false, StoredBackupReport.class),
    RESTORE_DRILL("restore-drill", Group.BACKUP, "Restore drill",
            "Restores a stored backup (the newest unless one is named) into a temp file, checks its SHA-256,"
                    + " runs integrity_check and compares row counts with its manifest. The live database is not touched.",
            Access.OPERATOR, false, DrillReport.class,
            JobParameter.storedBackup()),
    RESTORE("restore", Group.BACKUP, "Restore",
            "Replaces the live database with a stored backup, after verifying it and taking a before-restore"
                    + " backup. Writers wait while the pages are copied; the app keeps its connections.",
            Access.OPERATOR, true, RestoreReport.class,
            JobParameter.storedBackup());

    /** The page a kind's card is shown on. */
    public enum Group { CHECK, MAINTENANCE, BACKUP }

    /** The least role that may start and cancel a job of this kind (the web layer maps it to its roles). */
    public enum Access { VIEWER, OPERATOR }

    private final String apiName;
    private final Group group;
    private final String title;
    private final String description;
    private final Access access;
    private final boolean mutates;
    private final Class<? extends JobResult> resultType;
    private final List<JobParameter> parameters;

    JobKind(String apiName, Group group, String title, String description, Access access, boolean mutates,
            Class<? extends JobResult> resultType, JobParameter... parameters) {
        this.apiName = apiName;
        this.group = group;
        this.title = title;
        this.description = description;
        this.access = access;
        this.mutates = mutates;
        this.resultType = resultType;
        this.parameters = List.of(parameters);
    }

    /** The name in {@code POST /api/jobs/{kind}} and in the job JSON. */
    public String apiName() {
        return apiName;
    }

    public Group group() {
        return group;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Access access() {
        return access;
    }

    /** True when the job changes the database: a page asks for confirmation first. */
    public boolean mutates() {
        return mutates;
    }

    /**
     * Whether read-only mode lets this kind run. Starting any job is a POST, and read-only mode
     * refuses every POST, so no kind runs there today; a kind that only reads could say true here
     * once the request gate asks the kind instead of the method.
     */
    public boolean allowedInReadOnlyMode() {
        return false;
    }

    /** The record a successful job of this kind returns; it also names the result's template fragment. */
    public Class<? extends JobResult> resultType() {
        return resultType;
    }

    /** The start button's label when it is not "Run" / "Run again". */
    public Optional<String> startLabel() {
        return switch (this) {
            case BACKUP -> Optional.of("Prepare backup");
            case STORED_BACKUP -> Optional.of("Back up now");
            case RESTORE_DRILL -> Optional.of("Drill the newest backup");
            default -> Optional.empty();
        };
    }

    /** The choices a start request may make, each with its default. */
    public List<JobParameter> parameters() {
        return parameters;
    }

    /**
     * The arguments of a start request with every parameter's default filled in.
     *
     * @throws InvalidJobArgument when a value is not one of the parameter's choices, or the kind takes no such parameter
     */
    public JobArguments arguments(Map<String, String> given) {
        for (String name : given.keySet()) {
            if (parameters.stream().noneMatch(parameter -> parameter.name().equals(name))) {
                throw new InvalidJobArgument(this, name, given.get(name), "it takes "
                        + (parameters.isEmpty() ? "no parameters" : "only " + parameters.stream().map(JobParameter::name).toList()));
            }
        }
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (JobParameter parameter : parameters) {
            String value = given.getOrDefault(parameter.name(), parameter.defaultValue());
            if (!parameter.accepts(value)) {
                throw new InvalidJobArgument(this, parameter.name(), value, parameter.isChoice()
                        ? "use one of " + parameter.values() : "use the id of a stored backup, as GET /api/backups lists it");
            }
            values.put(parameter.name(), value);
        }
        return new JobArguments(this, values);
    }

    public static Optional<JobKind> fromApiName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.apiName.equals(name)).findFirst();
    }

    public static List<JobKind> of(Group group) {
        return Arrays.stream(values()).filter(kind -> kind.group == group).toList();
    }
}
