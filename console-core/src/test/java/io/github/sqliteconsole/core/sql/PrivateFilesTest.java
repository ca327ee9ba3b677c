package io.github.sqliteconsole.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path temp;

    @Test
    void createsMissingDirectoriesOwnerOnlyAndFilesAt0600() throws IOException {
        Path directory = PrivateFiles.requirePrivateDirectory(temp.resolve("a/b"), "snapshotDirectory");
        Path file = PrivateFiles.createPrivateFile(directory.resolve("copy.db"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void refusesADirectoryOthersCanWrite() throws IOException {
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> PrivateFiles.requirePrivateDirectory(shared, "snapshotDirectory"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("writable by other users")
                .hasMessageContaining("chmod 700 " + shared);
    }

    @Test
    void acceptsItsOwnReadableDirectory() throws IOException {
        Path own = Files.createDirectory(temp.resolve("own"));
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(PrivateFiles.requirePrivateDirectory(own, "snapshotDirectory")).isEqualTo(own.toAbsolutePath());
    }

    @Test
    void refusesAFileWhereADirectoryShouldBe() throws IOException {
        Path file = Files.createFile(temp.resolve("plain"));

        assertThatThrownBy(() -> PrivateFiles.requirePrivateDirectory(file, "backupStore"))
                .hasMessageContaining("backupStore " + file + " is not a directory");
    }

    @Test
    void refusesADirectoryAnotherUserOwns() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "changing a directory's owner needs root; skipped");
        Path foreign = Files.createDirectory(temp.resolve("foreign"));
        UserPrincipal nobody = foreign.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(foreign, nobody);
        Files.setPosixFilePermissions(foreign, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> PrivateFiles.requirePrivateDirectory(foreign, "snapshotDirectory"))
                .hasMessageContaining("belongs to nobody");
    }
}
