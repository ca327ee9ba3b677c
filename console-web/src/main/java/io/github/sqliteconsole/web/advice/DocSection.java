package io.github.sqliteconsole.web.advice;

/**
 * Every section of the user guide ({@code docs/*.md}) the console links to: the one list of
 * anchors. An anchor is the GitHub slug of the section's heading (lower case, punctuation dropped,
 * spaces as hyphens); a test reads the docs and fails when a heading here does not exist there.
 */
public enum DocSection {
    HEALTH_CONNECTION("health.md", "connection"),
    HEALTH_DATABASE_FILE("health.md", "database_file"),
    HEALTH_QUICK_CHECK("health.md", "quick_check"),
    HEALTH_INTEGRITY_JOB("health.md", "integrity_job"),
    HEALTH_WRITABLE("health.md", "writable"),
    HEALTH_JOURNAL_MODE("health.md", "journal_mode"),
    HEALTH_FOREIGN_KEYS("health.md", "foreign_keys"),
    HEALTH_BUSY_TIMEOUT("health.md", "busy_timeout"),
    HEALTH_SCHEMA("health.md", "schema"),
    HEALTH_FREELIST("health.md", "freelist"),
    HEALTH_WAL_SIZE("health.md", "wal_size"),
    HEALTH_DISK_SPACE("health.md", "disk_space"),
    BACKUPS_HEALTH("backups.md", "health-check-and-metrics"),
    INTEGRITY_CHECKS("integrity.md", "integrity-checks-foreign-keys-and-orphans"),
    DAMAGE("integrity.md", "when-a-check-finds-damage"),
    INDEX_DAMAGE("integrity.md", "damage-only-in-indexes"),
    FOREIGN_KEY_VIOLATIONS("integrity.md", "foreign-key-violations"),
    BROKEN_KEY("integrity.md", "a-broken-key"),
    MISSING_INDEX("integrity.md", "missing-index"),
    ORPHANS("integrity.md", "orphans"),
    OPTIMIZE("maintenance.md", "optimize"),
    ANALYZE("maintenance.md", "analyze"),
    CHECKPOINT("maintenance.md", "checkpoint"),
    REINDEX("maintenance.md", "reindex"),
    INCREMENTAL_VACUUM("maintenance.md", "incremental-vacuum"),
    VACUUM("maintenance.md", "vacuum"),
    SNAPSHOT("maintenance.md", "backup-adminbackup-operator"),
    STORED_BACKUP("backups.md", "how-a-backup-is-taken"),
    RESTORE_DRILL("backups.md", "restore-drills"),
    RESTORE("backups.md", "restore");

    private final String page;
    private final String anchor;

    DocSection(String page, String anchor) {
        this.page = page;
        this.anchor = anchor;
    }

    /** The file under {@code docs/}, such as {@code health.md}. */
    public String page() {
        return page;
    }

    /** The heading's slug, without {@code #}. */
    public String anchor() {
        return anchor;
    }

    /** The section relative to the docs' base: {@code health.md#journal_mode}. */
    public String path() {
        return page + "#" + anchor;
    }
}
