package io.github.sqliteconsole.web.advice;

import io.github.sqliteconsole.core.job.JobKind;

/**
 * What a page adds to a job kind's card: the statement it runs (to copy, for the sqlite3 shell),
 * its docs section, and whether it costs enough to ask first. One exhaustive switch, so a new kind
 * does not compile until it says so.
 *
 * @param statement the SQL the job runs, or null when it is more than one statement a user would type
 * @param confirm   true when the job holds the write lock long enough to stop the application's writers
 *                  (VACUUM, REINDEX, restore): the page asks first and repeats the cost. Cheap jobs start at once.
 */
public record JobAdvice(String statement, DocSection doc, boolean confirm) {

    public static JobAdvice of(JobKind kind) {
        return switch (kind) {
            case QUICK_CHECK -> new JobAdvice("PRAGMA quick_check;", DocSection.INTEGRITY_CHECKS, false);
            case INTEGRITY_CHECK -> new JobAdvice("PRAGMA integrity_check;", DocSection.INTEGRITY_CHECKS, false);
            case FOREIGN_KEY_CHECK -> new JobAdvice("PRAGMA foreign_key_check;", DocSection.FOREIGN_KEY_VIOLATIONS, false);
            case ORPHAN_SCAN -> new JobAdvice(null, DocSection.ORPHANS, false);
            case OPTIMIZE -> new JobAdvice("PRAGMA analysis_limit = 1000;\nPRAGMA optimize;", DocSection.OPTIMIZE, false);
            case ANALYZE -> new JobAdvice("ANALYZE;", DocSection.ANALYZE, false);
            case CHECKPOINT -> new JobAdvice("PRAGMA wal_checkpoint(PASSIVE);", DocSection.CHECKPOINT, false);
            case REINDEX -> new JobAdvice("REINDEX;", DocSection.REINDEX, true);
            case INCREMENTAL_VACUUM -> new JobAdvice("PRAGMA incremental_vacuum;", DocSection.INCREMENTAL_VACUUM, false);
            case VACUUM -> new JobAdvice("VACUUM;", DocSection.VACUUM, true);
            case BACKUP -> new JobAdvice(null, DocSection.SNAPSHOT, false);
            case STORED_BACKUP -> new JobAdvice(null, DocSection.STORED_BACKUP, false);
            case RESTORE_DRILL -> new JobAdvice(null, DocSection.RESTORE_DRILL, false);
            case RESTORE -> new JobAdvice(null, DocSection.RESTORE, true);
        };
    }
}
