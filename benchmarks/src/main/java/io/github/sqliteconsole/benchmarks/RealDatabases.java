package io.github.sqliteconsole.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@link RealDatabaseCheck} on every SQLite file in a directory (files other programs wrote:
 * browsers, version control, package managers), each on its own copy, and prints one line per file
 * and a summary. The files are never written to. Usage: {@code RealDatabases <dir> [<work dir>]}.
 */
public final class RealDatabases {

    /** The sidecars SQLite keeps beside a database; copied with it, not checked on their own. */
    private static final List<String> SIDECARS = List.of("-wal", "-shm", "-journal");

    private RealDatabases() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: RealDatabases <directory of SQLite files> [<work directory>]");
            System.exit(2);
        }
        Path work = args.length == 2 ? Path.of(args[1]) : Files.createTempDirectory("real-databases");
        List<RealDatabaseCheck.Outcome> outcomes = run(Path.of(args[0]), work, System.out);
        System.exit(outcomes.stream().allMatch(RealDatabaseCheck.Outcome::allOk) ? 0 : 1);
    }

    /** Checks each database of {@code directory} in a directory of its own under {@code work}; prints as it goes. */
    static List<RealDatabaseCheck.Outcome> run(Path directory, Path work, java.io.PrintStream out) throws Exception {
        List<RealDatabaseCheck.Outcome> outcomes = new ArrayList<>();
        for (Path database : databases(directory)) {
            RealDatabaseCheck.Outcome outcome = RealDatabaseCheck.run(database, work.resolve(database.getFileName() + ".work"));
            out.println(outcome.line());
            outcomes.add(outcome);
        }
        out.println(summary(outcomes));
        return outcomes;
    }

    static String summary(List<RealDatabaseCheck.Outcome> outcomes) {
        long ok = outcomes.stream().filter(RealDatabaseCheck.Outcome::allOk).count();
        long errors = outcomes.stream().filter(o -> !o.errors().isEmpty()).count();
        long modules = outcomes.stream().filter(o -> !o.missingModules().isEmpty()).count();
        long comparisons = outcomes.stream().mapToLong(o -> o.comparisons().size()).sum();
        long mismatches = outcomes.stream().flatMap(o -> o.comparisons().stream()).filter(c -> !c.ok()).count();
        return outcomes.size() + " databases: " + ok + " all OK, " + mismatches + " mismatches in " + comparisons
                + " comparisons, " + errors + " with an exception, " + modules + " with modules this SQLite lacks (said clearly)";
    }

    private static List<Path> databases(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> SIDECARS.stream().noneMatch(s -> file.getFileName().toString().endsWith(s)))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
    }
}
