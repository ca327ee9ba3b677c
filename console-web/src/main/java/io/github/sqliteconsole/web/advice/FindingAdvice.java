package io.github.sqliteconsole.web.advice;

/**
 * What each kind of finding on the Integrity page means and what to do about it: the one list.
 * The statement to copy is here when it is always the same; a finding's own statement (the
 * {@code CREATE INDEX}, an orphan's {@code DELETE}) comes with the finding.
 */
public enum FindingAdvice {
    DAMAGE("The file's pages, records or indexes do not agree with each other: the file is damaged"
            + " (a crash on storage that lies about fsync, a copy taken while it was written, a failing disk).",
            "Keep a copy of the file as it is now (with its -wal file). Restore the newest backup that passes this check,"
                    + " then re-apply what changed since. Without a good backup, salvage what is readable with the sqlite3"
                    + " shell and check the result:",
            "sqlite3 damaged.db .recover | sqlite3 recovered.db", DocSection.DAMAGE),
    INDEX_DAMAGE("Some findings are only in indexes: the tables are intact and an index is out of step with its table.",
            "REINDEX rebuilds every index from its table (the Maintenance page runs it); then run this check again.",
            "REINDEX;", DocSection.INDEX_DAMAGE),
    FOREIGN_KEY_VIOLATIONS("Child rows name a parent row that does not exist: they were written while foreign_keys was off"
            + " on that connection, or the parent was deleted then.",
            "Open the sample rows; for each, insert the missing parent, point the child at an existing one, or delete it."
                    + " This lists every violating row (rowid, parent, key):",
            null, DocSection.FOREIGN_KEY_VIOLATIONS),
    BROKEN_KEY("The key itself is wrong, not the data: its parent table is missing or a view, or its parent columns have no"
            + " PRIMARY KEY or UNIQUE index. With foreign_keys on, SQLite refuses writes to the child table.",
            "Create the parent table or a UNIQUE index on the parent columns, or rebuild the child table without this key.",
            null, DocSection.BROKEN_KEY),
    MISSING_INDEX("No index starts with the child columns: every delete or update of a parent scans the whole child table.",
            "Add the index its row shows (copy it from there); it takes space and a little time on every insert.",
            null, DocSection.MISSING_INDEX),
    ORPHANS("Child rows whose reference names no parent row. For a declared key they are foreign-key violations;"
            + " for a *_id column or a configured relation nothing in the database enforces the reference.",
            "Review the rows first. When one value (0, -1, '') holds most of them it is the application's \"none\", not a lost"
                    + " parent: leave those alone. Otherwise delete the orphans or clear their reference with the SQL in"
                    + " their row (shown for review; the console never runs it).",
            null, DocSection.ORPHANS);

    private final Explanation explanation;

    FindingAdvice(String meaning, String action, String code, DocSection doc) {
        this.explanation = new Explanation(meaning, action, code, doc);
    }

    public Explanation explanation() {
        return explanation;
    }
}
