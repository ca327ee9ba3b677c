package io.github.sqliteconsole.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a user would script instead of the console, run as separate processes: the {@code sqlite3}
 * command-line shell, {@code sha256sum} and {@code cat}. The suite needs the shell; {@code .ci/run}
 * installs it (Debian package {@code sqlite3}) when it is missing.
 */
final class SqliteShell {

    private SqliteShell() {
    }

    /**
     * {@code sqlite3 live ".backup c"}, {@code PRAGMA quick_check} of the copy (which must say ok),
     * {@code sha256sum} of it and reading it out: a verified copy with its digest, ready to send.
     */
    static void verifiedCopy(Path live, Path copy) throws Exception {
        Files.deleteIfExists(copy);
        run("sqlite3", live.toString(), ".backup '" + copy + "'");
        String verdict = run("sqlite3", copy.toString(), "PRAGMA quick_check").strip();
        if (!"ok".equals(verdict)) {
            throw new IllegalStateException("the shell's copy failed quick_check: " + verdict);
        }
        run("sha256sum", copy.toString());
        // To /dev/null: the cheapest read there is, so the baseline is never inflated by a pipe.
        Process cat = new ProcessBuilder("cat", copy.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (cat.waitFor() != 0) {
            throw new IllegalStateException("cat " + copy + " exited " + cat.exitValue());
        }
    }

    /** {@code sqlite3 file ".backup copy"}: the online copy the shell makes, fsynced by SQLite. */
    static void backup(Path live, Path copy) throws Exception {
        Files.deleteIfExists(copy);
        run("sqlite3", live.toString(), ".backup '" + copy + "'");
    }

    /**
     * {@code sqlite3 file ".backup copy"} then {@code gzip -1 copy} (gzip's fastest level, as the
     * console's): a compressed backup; returns the size of {@code copy.gz}.
     */
    static long gzippedBackup(Path live, Path copy) throws Exception {
        Path gz = copy.resolveSibling(copy.getFileName() + ".gz");
        Files.deleteIfExists(gz);
        backup(live, copy);
        run("gzip", "-1", copy.toString());
        return Files.size(gz);
    }

    /** {@code sqlite3 live ".restore backup"}: the backup copied over the live database. */
    static void restore(Path live, Path backup) throws Exception {
        run("sqlite3", live.toString(), ".restore '" + backup + "'");
    }

    /**
     * SQLite's own answer to {@code sql} (or a dot command) on {@code database}: every output line,
     * or the shell's error message (a missing module, a foreign key mismatch) when it exited non-zero.
     */
    static Answer ask(Path database, String sql) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("sqlite3", "-batch", database.toString(), sql).start();
        } catch (IOException e) {
            throw new IllegalStateException("sqlite3 is needed to compare with SQLite's own answers; install it"
                    + " (Debian: apt-get install sqlite3)", e);
        }
        process.getOutputStream().close();
        // stderr read on its own thread: a full pipe on one side must not stall the other.
        java.util.concurrent.CompletableFuture<byte[]> stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (var err = process.getErrorStream()) {
                return err.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out;
        try (var in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = process.waitFor();
        String error = new String(stderr.get(), StandardCharsets.UTF_8).strip();
        List<String> lines = out.lines().toList();
        return new Answer(lines, exit == 0 && error.isEmpty() ? null : (error.isEmpty() ? "sqlite3 exited " + exit : error));
    }

    /** What the shell printed, one entry per line, and its error message (null when it succeeded). */
    record Answer(List<String> lines, String error) {

        boolean ok() {
            return error == null;
        }

        /** The one value the query printed; fails with the shell's message when there is none. */
        String single() {
            if (!ok() || lines.size() != 1) {
                throw new IllegalStateException("sqlite3 answered " + (ok() ? lines : error));
            }
            return lines.get(0);
        }
    }

    /** Runs a command and returns the start of its output. */
    private static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " is needed by the benchmark suite; install it (Debian: "
                    + "apt-get install sqlite3 gzip), .ci/run does", e);
        }
        byte[] head;
        try (var out = process.getInputStream()) {
            head = out.readNBytes(4096);
            out.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue());
        }
        return new String(head, StandardCharsets.UTF_8);
    }
}
