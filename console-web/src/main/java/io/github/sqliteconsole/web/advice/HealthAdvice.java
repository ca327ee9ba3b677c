package io.github.sqliteconsole.web.advice;

import java.util.Arrays;
import java.util.Optional;

/**
 * What each health check means and what to do when it is not UP: the one list, by the check's
 * stable name. The check's own detail says what was found; this says why it matters, the fix, the
 * statement to copy where one fixes it, the docs section, and the console page that helps.
 * A test runs every check of core and fails when one has no entry here.
 */
public enum HealthAdvice {
    CONNECTION("connection",
            "The application's connection pool gave the console no connection in time: every connection is in use"
                    + " (a leak, a long transaction, a pool too small for the load), or the pool cannot open the database.",
            "Look at the pool's numbers (active, idle, waiting) and its error in the application's log; make sure the"
                    + " file shown exists and the app's user can read and write it and its directory.",
            null, DocSection.HEALTH_CONNECTION, null),
    DATABASE_FILE("database_file",
            "The console could not read the file as a SQLite database: it is missing, not SQLite, its header is damaged,"
                    + " or a writer in rollback-journal mode held the lock.",
            "Check that the DataSource points at the file you expect. A damaged file is best replaced by the newest good backup.",
            null, DocSection.HEALTH_DATABASE_FILE, "backup"),
    QUICK_CHECK("quick_check",
            "PRAGMA quick_check found pages or records that do not agree: the file is damaged.",
            "Keep a copy of the file as it is (with its -wal file), run the integrity check to see what is damaged,"
                    + " then restore the newest backup that passes it.",
            null, DocSection.HEALTH_QUICK_CHECK, "integrity"),
    INTEGRITY_JOB("integrity_job",
            "The last quick check or integrity check job found damage; health stays DOWN until a later one passes.",
            "Read what it found on the Integrity page: damage only in indexes is fixed by REINDEX; anything else by"
                    + " restoring a backup, or salvaging with the sqlite3 shell's .recover.",
            null, DocSection.HEALTH_INTEGRITY_JOB, "integrity"),
    WRITABLE("writable",
            "The app opens the database read-write but cannot write it: the file or its directory is not writable by the"
                    + " app's user (SQLite creates its -wal, -shm or -journal file next to the database).",
            "Give the app's user write permission on the file and its directory. An app that only reads can open its"
                    + " connections read-only instead: that is its choice, and healthy.",
            null, DocSection.HEALTH_WRITABLE, null),
    JOURNAL_MODE("journal_mode",
            "In rollback-journal mode readers and the writer block each other: a long read (a report, a backup) stalls every write.",
            "Switch to WAL once; the setting is stored in the file, and readers and the writer then run side by side.",
            "PRAGMA journal_mode = WAL;", DocSection.HEALTH_JOURNAL_MODE, null),
    FOREIGN_KEYS("foreign_keys",
            "Foreign keys are checked only on connections that turn them on (off by default): the app can write rows"
                    + " whose parent does not exist.",
            "Run the foreign-key check first, then turn them on for every connection of the pool"
                    + " (foreign_keys=true in the sqlite-jdbc URL, or HikariCP's connectionInitSql).",
            "PRAGMA foreign_keys = ON;", DocSection.HEALTH_FOREIGN_KEYS, "integrity"),
    BUSY_TIMEOUT("busy_timeout",
            "With a busy timeout of 0, a write that meets another connection's lock fails at once with SQLITE_BUSY.",
            "Give every connection of the pool a few seconds (busy_timeout=5000 in the sqlite-jdbc URL or config).",
            "PRAGMA busy_timeout = 5000;", DocSection.HEALTH_BUSY_TIMEOUT, null),
    SCHEMA("schema",
            "The database has no tables. SQLite creates an empty database at a mistyped path instead of failing.",
            "Compare the path on this page with the one the application should use, and fix the DataSource's URL.",
            null, DocSection.HEALTH_SCHEMA, null),
    FREELIST("freelist",
            "Free pages are space the file keeps after rows were deleted: SQLite reuses it, but the file does not shrink.",
            "When you need the disk space back, run VACUUM on the Maintenance page (it shows what it costs first).",
            "VACUUM;", DocSection.HEALTH_FREELIST, "maintenance"),
    WAL_SIZE("wal_size",
            "The WAL grows when checkpoints cannot finish: a connection that keeps a read transaction open pins it.",
            "Find the long reader (a forgotten cursor, a long report), then run a TRUNCATE checkpoint.",
            "PRAGMA wal_checkpoint(TRUNCATE);", DocSection.HEALTH_WAL_SIZE, "maintenance"),
    DISK_SPACE("disk_space",
            "The volume has less free space than VACUUM and backups need (twice the database plus the reserve), so they are refused.",
            "Free space on the volume, or move the database to a larger one.",
            null, DocSection.HEALTH_DISK_SPACE, null),
    BACKUPS("backups",
            "The newest stored backup is older than twice the backup interval, or the last attempt failed.",
            "The Backup page shows the last failure: fix its cause (disk, permissions of the store), then press Back up now.",
            null, DocSection.BACKUPS_HEALTH, "backup");

    private final String check;
    private final Explanation explanation;
    private final String page;

    HealthAdvice(String check, String meaning, String action, String code, DocSection doc, String page) {
        this.check = check;
        this.explanation = new Explanation(meaning, action, code, doc);
        this.page = page;
    }

    /** The advice for the check named {@code check}, as {@code /api/health} names it. */
    public static Optional<HealthAdvice> of(String check) {
        return Arrays.stream(values()).filter(advice -> advice.check.equals(check)).findFirst();
    }

    public String check() {
        return check;
    }

    public Explanation explanation() {
        return explanation;
    }

    /** The console page that helps (relative to the mount), or null. */
    public String page() {
        return page;
    }

    /** The link text of {@link #page()}. */
    public String pageTitle() {
        return page == null ? null : Character.toUpperCase(page.charAt(0)) + page.substring(1) + " page";
    }
}
