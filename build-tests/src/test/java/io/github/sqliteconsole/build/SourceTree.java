package io.github.sqliteconsole.build;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/** A copy of the project's sources, as a fresh checkout would have them: no build output, no VCS or IDE files. */
final class SourceTree {

    /** How the copy's files differ from a plain copy, as on another machine or after another checkout. */
    enum Touch {
        /** Copied as they are read now: this moment's modification times, the umask's permissions. */
        NONE,
        /**
         * Modified in 2001, and group-writable (as checked out under umask 002, the default of many
         * desktop systems, against the 022 of most servers). The jar plugin's archiver masks modes
         * with 022, which makes these two alike; a checkout readable by its owner only (umask 077)
         * would still give resource entries mode 0600.
         */
        OLD_AND_GROUP_WRITABLE
    }

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

    private SourceTree() {
    }

    static Path copy(Path root, Path destination, Touch touch) throws IOException {
        Files.createDirectories(destination);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                String name = dir.getFileName().toString();
                if (!dir.equals(root) && (name.equals("target") || name.startsWith("."))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(destination.resolve(root.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path copy = destination.resolve(root.relativize(file).toString());
                Files.copy(file, copy);
                if (touch == Touch.OLD_AND_GROUP_WRITABLE) {
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-rw-r--"));
                    Files.setLastModifiedTime(copy, LONG_AGO);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                if (touch == Touch.OLD_AND_GROUP_WRITABLE) {
                    Path copy = destination.resolve(root.relativize(dir).toString());
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxrwxr-x"));
                    Files.setLastModifiedTime(copy, LONG_AGO);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return destination;
    }

    static void deleteIfExists(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
