package io.github.sqliteconsole.core.sql;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Files and directories only the application's own user can read: a snapshot or a stored backup
 * is the whole database. Directories the console creates are 0700 and its files 0600; a directory
 * that another user owns, or that group or others may write, is refused (as ssh refuses such a
 * {@code ~/.ssh}), because whoever can write it can swap or read what the console puts there.
 * On file systems without POSIX permissions (Windows) the checks are skipped.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code directory} (and missing parents) as 0700, or checks an existing one: owned by
     * this process's user and not writable by group or others.
     *
     * @param purpose what the directory is for, for the message, e.g. "snapshotDirectory"
     * @throws IOException with what is wrong and what to do
     */
    public static Path requirePrivateDirectory(Path directory, String purpose) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            if (isPosix(absolute.getParent())) {
                Files.createDirectories(absolute.getParent());
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } else {
                Files.createDirectories(absolute);
            }
            return absolute;
        }
        if (!Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(purpose + " " + absolute + " is not a directory (or is a symbolic link); "
                    + "set " + purpose + " to a directory only the application's user can write");
        }
        if (!isPosix(absolute)) {
            return absolute;
        }
        PosixFileAttributes attributes = Files.readAttributes(absolute, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = currentUser(absolute);
        if (!attributes.owner().equals(me)) {
            throw new IOException(purpose + " " + absolute + " belongs to " + attributes.owner().getName() + ", not to "
                    + me.getName() + " who runs the application, so that user could read or replace the console's copies; "
                    + "set " + purpose + " to a directory of " + me.getName() + "'s (mode 700)");
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(purpose + " " + absolute + " is writable by other users (mode "
                    + PosixFilePermissions.toString(permissions) + "); run chmod 700 " + absolute
                    + ", or set " + purpose + " to a private directory");
        }
        return absolute;
    }

    /** Creates a new, empty file readable and writable by its owner only (0600); fails if it exists. */
    public static Path createPrivateFile(Path file) throws IOException {
        if (isPosix(file.toAbsolutePath().getParent())) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        return Files.createFile(file);
    }

    /** Forces a file's content to disk. */
    public static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Forces a directory's entries to disk, so that a rename into it survives a power cut. Not all
     * platforms can open a directory (Windows cannot); there the rename is as durable as it gets.
     */
    public static void fsyncDirectory(Path directory) throws IOException {
        if (!isPosix(directory)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static boolean isPosix(Path path) {
        return path != null && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null
                && FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static UserPrincipal currentUser(Path onFileSystem) throws IOException {
        return onFileSystem.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }
}
