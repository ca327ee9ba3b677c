package io.github.sqliteconsole.core.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files SQLite keeps beside a database. */
public final class DatabaseFiles {

    private DatabaseFiles() {
    }

    public static Path walOf(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + "-wal");
    }

    /**
     * The size of {@code file}, 0 when it does not exist. The WAL comes and goes with connections,
     * so a file removed between the check and the read counts as empty.
     */
    public static long sizeOrZero(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The file's name for a message ({@code app.db}): enough to tell databases apart, without the server's directories. */
    public static String nameOf(Path databaseFile) {
        Path name = databaseFile == null ? null : databaseFile.getFileName();
        return name == null ? "the database" : name.toString();
    }
}
