package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.job.ForeignKeyResult;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.schema.ForeignKeyInfo;
import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.core.sql.Deadline;
import io.github.sqliteconsole.core.sql.Identifiers;
import io.github.sqliteconsole.core.sql.Queries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counts the violations of every declared foreign key, key by key, with the same answer as
 * {@code PRAGMA foreign_key_check} but one anti-join per key (see {@link MissingParents}). A key
 * whose parent is missing or not unique is reported on its own: it does not abort the whole
 * check the way the whole-database pragma's "foreign key mismatch" does.
 */
public final class ForeignKeyCheck {

    public static final int SAMPLES = 10;

    /** Runs on one of the console's own connections; stops when {@code context} is cancelled. */
    public List<ForeignKeyResult> run(Connection own, JobContext context) throws SQLException {
        List<ForeignKeyResult> results = new ArrayList<>();
        try (Deadline stop = Deadline.install(own, Duration.ofDays(365), context::cancelled)) {
            List<String> tables = tablesWithForeignKeys(own);
            // Read once for all: a database without foreign keys skips it.
            Schema schema = tables.isEmpty() ? null : Schema.read(own);
            for (int i = 0; i < tables.size(); i++) {
                context.progress((double) i / Math.max(1, tables.size()),
                        "checking " + tables.get(i) + " (" + (i + 1) + " of " + tables.size() + ")");
                Optional<TableDetails> child = schema.table(tables.get(i));
                if (child.isEmpty()) {
                    continue; // dropped while the check ran: it has no keys left to check
                }
                for (ForeignKeyInfo key : child.get().foreignKeysOut()) {
                    results.add(check(own, schema, child.get(), key));
                }
            }
        }
        return results;
    }

    ForeignKeyResult check(Connection own, Schema schema, TableDetails child, ForeignKeyInfo key) throws SQLException {
        Optional<TableDetails> parent = schema.parent(own, key.parentTable());
        if (parent.isEmpty()) {
            if (isView(own, key.parentTable())) {
                return failed(child, key, key.parentColumns(), 0, List.of(), "foreign key mismatch: the parent " + key.parentTable()
                        + " is a view, and a foreign key can only reference a table; SQLite's own check stops with"
                        + " \"foreign key mismatch\" here");
            }
            // SQLite's check counts every child row with a non-NULL key when the parent table is missing.
            long violations = nonNullKeys(own, child.name(), key.childColumns());
            List<Long> samples = violations > 0 && child.hasRowid()
                    ? nonNullKeyRowids(own, child.name(), key.childColumns()) : List.of();
            return failed(child, key, key.parentColumns(), violations, samples, "the parent table " + key.parentTable()
                    + " does not exist: every row with a non-NULL " + String.join(", ", key.childColumns())
                    + " breaks this key; create the table or drop the REFERENCES clause");
        }
        List<String> parentColumns = key.parentColumns().isEmpty() ? parent.get().primaryKey() : key.parentColumns();
        if (parentColumns.size() != key.childColumns().size()) {
            return failed(child, key, parentColumns, 0, List.of(), "foreign key mismatch: " + key.childColumns().size()
                    + " child columns for " + parentColumns.size() + " parent columns");
        }
        String problem = ParentKey.problem(own, parent.get(), parentColumns);
        if (problem != null) {
            return failed(child, key, parentColumns, 0, List.of(), "foreign key mismatch: " + problem);
        }
        MissingParents missing = new MissingParents(child.name(), key.childColumns(), parent.get().name(), parentColumns);
        long violations = missing.count(own);
        List<Long> samples = violations > 0 && child.hasRowid() ? missing.sampleRowids(own, SAMPLES) : List.of();
        return new ForeignKeyResult(child.name(), parent.get().name(), key.childColumns(), parentColumns, violations,
                samples, null, missingIndex(child, key.childColumns()));
    }

    private static ForeignKeyResult failed(TableDetails child, ForeignKeyInfo key, List<String> parentColumns,
                                           long violations, List<Long> samples, String why) {
        return new ForeignKeyResult(child.name(), key.parentTable(), key.childColumns(), parentColumns, violations, samples,
                why, missingIndex(child, key.childColumns()));
    }

    private static boolean isView(Connection own, String name) throws SQLException {
        try (PreparedStatement statement = own.prepareStatement(
                "SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = ? COLLATE NOCASE")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Child rows whose key has no NULL: what the pragma counts against a missing parent table. */
    private static long nonNullKeys(Connection own, String child, List<String> columns) throws SQLException {
        try (PreparedStatement statement = own.prepareStatement("SELECT count(*) " + nonNullKeyRows(child, columns));
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** The first {@link #SAMPLES} of those rows, as the pragma lists them: by rowid. */
    private static List<Long> nonNullKeyRowids(Connection own, String child, List<String> columns) throws SQLException {
        List<Long> rowids = new ArrayList<>();
        try (PreparedStatement statement = own.prepareStatement("SELECT rowid " + nonNullKeyRows(child, columns)
                + " ORDER BY rowid LIMIT " + SAMPLES);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rowids.add(rows.getLong(1));
            }
        }
        return rowids;
    }

    private static String nonNullKeyRows(String child, List<String> columns) {
        return "FROM " + Identifiers.quote(child) + " WHERE " + columns.stream()
                .map(column -> Identifiers.quote(column) + " IS NOT NULL").collect(Collectors.joining(" AND "));
    }

    /** A CREATE INDEX for the child columns when no index starts with them, else null. */
    static String missingIndex(TableDetails child, List<String> columns) {
        Set<String> wanted = ParentKey.lower(columns);
        boolean covered = child.indexes().stream().anyMatch(index -> index.columns().size() >= columns.size()
                && ParentKey.lower(index.columns().subList(0, columns.size())).equals(wanted))
                || (child.hasRowid() && columns.size() == 1 && ParentKey.lower(child.primaryKey()).equals(wanted));
        if (covered) {
            return null;
        }
        String name = child.name() + "_" + String.join("_", columns) + "_fk";
        return "CREATE INDEX " + Identifiers.quote(name) + " ON " + Identifiers.quote(child.name()) + " ("
                + columns.stream().map(Identifiers::quote).collect(Collectors.joining(", ")) + ");";
    }

    private static List<String> tablesWithForeignKeys(Connection own) throws SQLException {
        return Queries.texts(own, "SELECT DISTINCT m.name FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f "
                + "WHERE m.type = 'table' ORDER BY m.name");
    }
}
