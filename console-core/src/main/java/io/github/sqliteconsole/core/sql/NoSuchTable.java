package io.github.sqliteconsole.core.sql;

import java.nio.file.Path;

/** A request named a table the database does not have (a stale link, a typo). */
public final class NoSuchTable extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String table;

    public NoSuchTable(Path databaseFile, String table) {
        super(DatabaseFiles.nameOf(databaseFile) + " has no table named " + table + "; pick one from the tables page");
        this.table = table;
    }

    public String table() {
        return table;
    }
}
