package io.github.sqliteconsole.benchmarks;

import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.backup.BackupManifest;
import io.github.sqliteconsole.core.backup.StoredBackup;
import io.github.sqliteconsole.core.job.DrillReport;
import io.github.sqliteconsole.core.job.ForeignKeyReport;
import io.github.sqliteconsole.core.job.ForeignKeyResult;
import io.github.sqliteconsole.core.job.IntegrityReport;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobResult;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import io.github.sqliteconsole.core.job.RestoreReport;
import io.github.sqliteconsole.core.job.StoredBackupReport;
import io.github.sqliteconsole.core.schema.ColumnInfo;
import io.github.sqliteconsole.core.schema.IndexInfo;
import io.github.sqliteconsole.core.schema.TableDetails;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * One database nobody here designed, on a copy, through the console's public API as a host builds it
 * (HikariCP pool, stored backups, restore allowed), each answer compared with the {@code sqlite3} shell's
 * on the same file: backup, drill, restore into the modified live copy, table details, FK and integrity check.
 */
final class RealDatabaseCheck {

    /** The pragmas a restore must leave as they were. */
    private static final List<String> KEPT_PRAGMAS = List.of("page_size", "page_count", "auto_vacuum", "journal_mode");
    private static final Duration JOB_LIMIT = Duration.ofMinutes(30);

    private final Path original;
    private final Path work;
    private final List<Comparison> comparisons = new ArrayList<>();
    private final List<String> missingModules = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    /** Tables the shell cannot read but the console's newer SQLite can: nothing to compare with. */
    private final List<String> shellCannotRead = new ArrayList<>();

    private RealDatabaseCheck(Path original, Path work) {
        this.original = original;
        this.work = work;
    }

    /** One comparison with SQLite's answer: {@code detail} says what differed (or what was compared). */
    record Comparison(String name, boolean ok, String detail) {
        @Override
        public String toString() {
            return name + " " + (ok ? "OK" : "MISMATCH (" + detail + ")");
        }
    }

    /** The line for one database; {@code errors}: each step that threw, with its message. */
    record Outcome(String name, int tables, long bytes, List<Comparison> comparisons, List<String> missingModules,
                   List<String> shellCannotRead, List<String> errors) {

        boolean allOk() {
            return errors.isEmpty() && comparisons.stream().allMatch(Comparison::ok);
        }

        String line() {
            StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "%-48s %4d tables %10d B  ",
                    name, tables, bytes));
            line.append(String.join(" | ", comparisons.stream().map(Comparison::toString).toList()));
            if (!missingModules.isEmpty()) {
                line.append(" | modules missing here, said clearly: ").append(String.join(", ", missingModules));
            }
            if (!shellCannotRead.isEmpty()) {
                line.append(" | not compared, the sqlite3 shell cannot read: ").append(String.join(", ", shellCannotRead));
            }
            for (String error : errors) {
                line.append(" | ERROR ").append(error);
            }
            return line.toString();
        }
    }

    static Outcome run(Path original, Path work) throws Exception {
        return new RealDatabaseCheck(original, work).run();
    }

    private Outcome run() throws Exception {
        Path live = work.resolve("live.db");
        Files.createDirectories(work);
        Files.copy(original, live, StandardCopyOption.REPLACE_EXISTING);
        Path wal = original.resolveSibling(original.getFileName() + "-wal");
        if (Files.exists(wal)) {
            Files.copy(wal, work.resolve("live.db-wal"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> tables = tableNames(live);
        String sha3 = SqliteShell.ask(live, ".sha3sum").single();
        Map<String, String> pragmas = pragmas(live);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + live);
        config.setMaximumPoolSize(3);
        config.setPoolName("realdata");
        try (HikariDataSource pool = new HikariDataSource(config);
             SqliteConsole console = SqliteConsole.builder(pool).stateFile(work.resolve("console-state"))
                     .snapshotDirectory(work.resolve("snapshots")).backupStore(work.resolve("store"))
                     .allowRestore(true).build()) {
            // Each step on its own: a backup that fails must not hide what the checks say.
            step("stored backup, drill, restore", () -> backupDrillRestore(console, pool, live, sha3, pragmas, tables));
            step("table details", () -> checkTables(console, live, tables));
            step("foreign-key-check job", () -> checkForeignKeys((ForeignKeyReport) run(console, JobKind.FOREIGN_KEY_CHECK,
                    Map.of()), live, tables));
            step("integrity-check job", () -> {
                IntegrityReport integrity = (IntegrityReport) run(console, JobKind.INTEGRITY_CHECK, Map.of());
                List<String> shell = SqliteShell.ask(live, "PRAGMA integrity_check").lines();
                compare("integrity", integrity.ok() ? shell.equals(List.of("ok")) : shell.containsAll(integrity.errors()),
                        "console " + (integrity.ok() ? "ok" : integrity.errors()) + ", sqlite3 " + shell);
            });
        }
        return new Outcome(original.getFileName().toString(), tables.size(), Files.size(original), comparisons,
                missingModules, shellCannotRead, errors);
    }

    private interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            errors.add(name + ": " + e);
        }
    }

    private void backupDrillRestore(SqliteConsole console, HikariDataSource pool, Path live, String sha3,
                                    Map<String, String> pragmas, List<String> tables) throws Exception {
        StoredBackupReport backup = (StoredBackupReport) run(console, JobKind.STORED_BACKUP, Map.of());
        Path unpacked = checkBackup(console, backup.id(), sha3, pragmas, tables, live);
        DrillReport drill = (DrillReport) run(console, JobKind.RESTORE_DRILL, Map.of("backup", backup.id()));
        String verdict = String.join("; ", SqliteShell.ask(unpacked, "PRAGMA integrity_check").lines());
        compare("drill", drill.ok() == "ok".equals(verdict), "drill ok=" + drill.ok() + " (" + drill.detail()
                + "), integrity_check: " + verdict);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE realdata_probe(x)");
            s.execute("INSERT INTO realdata_probe VALUES (1), (2), (3)");
        }
        String modified = SqliteShell.ask(live, ".sha3sum").single();
        RestoreReport restore = (RestoreReport) run(console, JobKind.RESTORE, Map.of("backup", backup.id()));
        checkRestore(console, restore, live, sha3, modified, pragmas);
    }

    /** The stored files' modes and content, and the manifest against SQLite's counts; returns the unpacked copy. */
    private Path checkBackup(SqliteConsole console, String id, String sha3, Map<String, String> pragmas,
                             List<String> tables, Path live) throws Exception {
        StoredBackup stored = stored(console, id);
        BackupManifest manifest = stored.manifest();
        Path manifestFile = stored.file().resolveSibling(stored.file().getFileName() + ".json");
        String modes = mode(stored.file()) + " " + mode(manifestFile) + " dir " + mode(stored.file().getParent());
        compare("modes", modes.equals("rw------- rw------- dir rwx------"), modes);
        Path unpacked = unpack(stored, work.resolve("unpacked.db"));
        String backupSha3 = SqliteShell.ask(unpacked, ".sha3sum").single();
        compare("backup-content", backupSha3.equals(sha3), "sha3 of the backup " + backupSha3 + ", of the original " + sha3);
        String pages = manifest.pageSize() + "x" + manifest.pageCount();
        String shellPages = pragmas.get("page_size") + "x" + pragmas.get("page_count");
        compare("manifest-pages", pages.equals(shellPages), "manifest " + pages + ", sqlite3 " + shellPages);
        Map<String, Long> counted = new TreeMap<>();
        for (String table : tables) {
            String sql = SqliteShell.ask(live, "SELECT sql FROM sqlite_schema WHERE name = " + literal(table)).lines()
                    .stream().findFirst().orElse("");
            if (!table.startsWith("sqlite_") && !sql.regionMatches(true, 0, "CREATE VIRTUAL", 0, 14)) {
                counted.put(table, Long.parseLong(SqliteShell.ask(unpacked, "SELECT count(*) FROM " + quote(table)).single()));
            }
        }
        compare("manifest-rows", new TreeMap<>(manifest.tables()).equals(counted), differences(manifest.tables(), counted));
        return unpacked;
    }

    private void checkRestore(SqliteConsole console, RestoreReport restore, Path live, String sha3, String modified,
                              Map<String, String> before) throws Exception {
        String after = SqliteShell.ask(live, ".sha3sum").single();
        compare("restore-content", after.equals(sha3), "sha3 after restore " + after + ", at backup time " + sha3);
        Map<String, String> pragmas = pragmas(live);
        compare("restore-pragmas", pragmas.equals(before), "before " + before + ", after " + pragmas);
        String quick = String.join("; ", SqliteShell.ask(live, "PRAGMA quick_check").lines());
        compare("restore-quick_check", quick.equals(restore.quickCheck()), "console " + restore.quickCheck() + ", sqlite3 " + quick);
        Path unpacked = unpack(stored(console, restore.preRestoreBackup()), work.resolve("before-restore.db"));
        String saved = SqliteShell.ask(unpacked, ".sha3sum").single();
        compare("before-restore-content", saved.equals(modified), "sha3 of the before-restore backup " + saved
                + ", of the modified live copy " + modified);
        long shellFk = 0;
        for (String table : tableNames(live)) {
            SqliteShell.Answer rows = SqliteShell.ask(live, "PRAGMA foreign_key_check(" + literal(table) + ")");
            shellFk += rows.ok() ? rows.lines().size() : 0;
        }
        compare("restore-fk", restore.foreignKeyViolations() == shellFk, "console " + restore.foreignKeyViolations()
                + ", sqlite3 " + shellFk);
    }

    private static StoredBackup stored(SqliteConsole console, String id) throws Exception {
        return console.backups().stored().orElseThrow().store().find(id).orElseThrow();
    }

    /** The backup's database file as it was taken, gunzipped when stored compressed. */
    private static Path unpack(StoredBackup backup, Path to) throws Exception {
        try (InputStream in = backup.manifest().compressed() ? new GZIPInputStream(Files.newInputStream(backup.file()))
                : Files.newInputStream(backup.file())) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    /** {@code console.schema().table(name)} for every table against the table_xinfo/index_list/foreign_key_list pragmas and count(*). */
    private void checkTables(SqliteConsole console, Path live, List<String> tables) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String table : tables) {
            Optional<TableDetails> details = console.schema().table(table);
            SqliteShell.Answer columns = SqliteShell.ask(live, "SELECT name FROM pragma_table_xinfo(" + literal(table) + ")");
            if (details.isEmpty()) {
                problems.add(table + ": not found");
            } else if (!details.get().readable()) {
                if (columns.ok() && !columns.lines().isEmpty()) {
                    problems.add(table + ": console says module " + details.get().missingModule() + " is missing, sqlite3 reads it");
                }
                missingModules.add(table + " (" + details.get().missingModule() + ")");
            } else if (!columns.ok() || !SqliteShell.ask(live, "SELECT count(*) FROM " + quote(table)).ok()) {
                SqliteShell.Answer count = SqliteShell.ask(live, "SELECT count(*) FROM " + quote(table));
                shellCannotRead.add(table + " (" + (columns.ok() ? count.error() : columns.error()) + ")");
            } else {
                List<String> names = details.get().columns().stream().map(ColumnInfo::name).toList();
                List<String> indexes = details.get().indexes().stream().map(IndexInfo::name).sorted().toList();
                List<String> shellIndexes = SqliteShell.ask(live, "SELECT name FROM pragma_index_list(" + literal(table)
                        + ") ORDER BY name").lines();
                String keys = SqliteShell.ask(live, "SELECT count(DISTINCT id) FROM pragma_foreign_key_list(" + literal(table) + ")").single();
                Optional<Long> rows = console.space().exactRowCount(table, Duration.ofMinutes(1));
                String count = SqliteShell.ask(live, "SELECT count(*) FROM " + quote(table)).single();
                addIf(problems, !names.equals(columns.lines()), table + ": columns " + names + " vs " + columns.lines());
                addIf(problems, !indexes.equals(shellIndexes), table + ": indexes " + indexes + " vs " + shellIndexes);
                addIf(problems, details.get().foreignKeysOut().size() != Integer.parseInt(keys),
                        table + ": " + details.get().foreignKeysOut().size() + " foreign keys vs " + keys);
                addIf(problems, !rows.map(String::valueOf).orElse("none").equals(count), table + ": rows " + rows + " vs " + count);
            }
        }
        compare("tables", problems.isEmpty(), String.join("; ", problems));
    }

    /** The job's violations per table against {@code PRAGMA foreign_key_check(table)} run table by table. */
    private void checkForeignKeys(ForeignKeyReport report, Path live, List<String> tables) throws Exception {
        Map<String, Long> console = new TreeMap<>();
        Map<String, Long> shell = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (ForeignKeyResult key : report.foreignKeys()) {
            console.merge(key.table(), key.violations(), Long::sum);
        }
        for (String table : tables) {
            SqliteShell.Answer rows = SqliteShell.ask(live, "PRAGMA foreign_key_check(" + literal(table) + ")");
            if (!rows.ok()) {
                boolean explained = report.foreignKeys().stream().anyMatch(k -> k.table().equals(table) && k.error() != null);
                addIf(problems, !explained, table + ": sqlite3 says " + rows.error() + ", the console gives no error");
            } else if (!rows.lines().isEmpty() || console.getOrDefault(table, 0L) != 0) {
                shell.put(table, (long) rows.lines().size());
            }
        }
        console.values().removeIf(v -> v == 0);
        addIf(problems, !console.equals(shell), differences(console, shell));
        compare("fk-check", problems.isEmpty(), String.join("; ", problems) + " (console " + console + ", sqlite3 " + shell + ")");
    }

    /** Every table's name, read as hex: a name may hold a newline, which the shell's lines would split. */
    private static List<String> tableNames(Path database) throws Exception {
        return SqliteShell.ask(database, "SELECT hex(name) FROM sqlite_schema WHERE type = 'table' ORDER BY name").lines()
                .stream().map(hex -> new String(java.util.HexFormat.of().parseHex(hex), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }

    private static Map<String, String> pragmas(Path database) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pragma : KEPT_PRAGMAS) {
            values.put(pragma, SqliteShell.ask(database, "PRAGMA " + pragma).single());
        }
        return values;
    }

    /** Starts {@code kind} once the scheduler's own backup or drill is done, waits for it and returns its result. */
    private static JobResult run(SqliteConsole console, JobKind kind, Map<String, String> arguments) {
        JobSnapshot started = await().atMost(JOB_LIMIT).pollInterval(Duration.ofMillis(50)).ignoreException(JobConflict.class)
                .until(() -> console.start(kind, arguments), Objects::nonNull);
        JobSnapshot done = await().atMost(JOB_LIMIT).pollInterval(Duration.ofMillis(50))
                .until(() -> console.jobs().get(started.id()).orElseThrow(), job -> job.state() != JobState.RUNNING);
        if (done.state() != JobState.SUCCEEDED) {
            throw new IllegalStateException(kind.apiName() + " " + done.state() + ": " + done.error());
        }
        return done.result();
    }

    private void compare(String name, boolean ok, String detail) {
        comparisons.add(new Comparison(name, ok, detail));
    }

    private static void addIf(List<String> problems, boolean condition, String problem) {
        if (condition) {
            problems.add(problem);
        }
    }

    private static String differences(Map<String, Long> console, Map<String, Long> shell) {
        List<String> differences = new ArrayList<>();
        for (String table : new java.util.TreeSet<>(union(console.keySet(), shell.keySet()))) {
            if (!Objects.equals(console.get(table), shell.get(table))) {
                differences.add(table + " console " + console.get(table) + " sqlite3 " + shell.get(table));
            }
        }
        return String.join(", ", differences);
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    /** For the shell only: these names come from the file's own schema. */
    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
