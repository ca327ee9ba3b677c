package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.nio.file.Path;

/**
 * A host process for crash tests: takes a snapshot of {@code args[0]} into {@code args[1]}, says
 * so, and then waits, holding the copy, until the test kills it with {@code kill -9}.
 */
public final class SnapshotChild {

    private SnapshotChild() {
    }

    public static void main(String[] args) throws Exception {
        SqliteConsole console = SqliteConsole.builder(TestDatabases.existingOnly(Path.of(args[0])))
                .backupDirectory(Path.of(args[1])).build();
        System.out.println("TAKEN " + console.backups().take(false).file());
        System.out.flush();
        System.in.read();
    }
}
