package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.backup.BackupStatus;
import io.github.sqliteconsole.core.backup.StoredBackupOptions;
import io.github.sqliteconsole.core.backup.StoredBackups;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import io.github.sqliteconsole.web.security.Role;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored-backups part of the Backup page: the schedule, the list and what this viewer may do
 * with each backup. Built for the whole page and again for the list alone, which the page reloads
 * when a backup job finished.
 *
 * @param off          stored backups are not configured ({@code backupStore} unset)
 * @param problem      why the store cannot be used now, null when it can
 * @param canOperate   may start backups and drills and download backups (OPERATOR, not read-only)
 * @param canRestore   may restore: {@code canOperate} and the host allowed restores
 */
public record StoredBackupsSection(boolean off, String problem, BackupStatus status, StoredBackupOptions options,
                                   Instant nextDrill, List<BackupRow> rows, boolean canOperate, boolean canRestore,
                                   List<JobCard> cards) {

    static StoredBackupsSection of(SqliteConsole console, JobCards jobCards, Role role) {
        Optional<StoredBackups> stored;
        BackupStatus status;
        try {
            stored = console.backups().stored();
            if (stored.isEmpty()) {
                return new StoredBackupsSection(true, null, null, null, null, List.of(), false, false, List.of());
            }
            status = stored.get().status();
        } catch (IOException e) {
            return unusable("Stored backups cannot be used: " + e.getMessage());
        } catch (SQLException e) {
            return unusable("Stored backups wait for the database: " + SqliteErrors.plainSummary(e) + ".");
        }
        StoredBackupOptions options = stored.get().options();
        boolean canOperate = jobCards.allows(role, JobKind.STORED_BACKUP);
        boolean canRestore = options.allowRestore() && jobCards.allows(role, JobKind.RESTORE);
        List<JobCard> cards = JobKind.of(JobKind.Group.BACKUP).stream()
                .filter(kind -> kind != JobKind.BACKUP)
                .map(kind -> jobCards.card(kind, role))
                // The restore card stays for a restore that ran, even after restores were switched off.
                .filter(card -> card.type() != JobKind.RESTORE || canRestore || card.job() != null)
                .toList();
        return new StoredBackupsSection(false, null, status, options, stored.get().nextDrill(),
                status.backups().stream().map(BackupRow::of).toList(), canOperate, canRestore, cards);
    }

    private static StoredBackupsSection unusable(String problem) {
        return new StoredBackupsSection(false, problem, null, null, null, List.of(), false, false, List.of());
    }

    /** Whether the list and the schedule can be shown. */
    public boolean shown() {
        return !off && problem == null;
    }
}
