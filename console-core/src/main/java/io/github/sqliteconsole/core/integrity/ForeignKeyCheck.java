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
            return failed(child, key, key.parentColumns(), "the parent table " + key.parentTable() + " does not exist");
        }
        List<String> parentColumns = key.parentColumns().isEmpty() ? parent.get().primaryKey() : key.parentColumns();
        if (parentColumns.size() != key.childColumns().size()) {
            return failed(child, key, parentColumns, "foreign key mismatch: " + key.childColumns().size()
                    + " child columns for " + parentColumns.size() + " parent columns");
        }
        String problem = ParentKey.problem(own, parent.get(), parentColumns);
        if (problem != null) {
            return failed(child, key, parentColumns, "foreign key mismatch: " + problem);
        }
        MissingParents missing = new MissingParents(child.name(), key.childColumns(), parent.get().name(), parentColumns);
        long violations = missing.count(own);
        List<Long> samples = violations > 0 && child.hasRowid() ? missing.sampleRowids(own, SAMPLES) : List.of();
        return new ForeignKeyResult(child.name(), parent.get().name(), key.childColumns(), parentColumns, violations,
                samples, null, missingIndex(child, key.childColumns()));
    }

    private static ForeignKeyResult failed(TableDetails child, ForeignKeyInfo key, List<String> parentColumns, String why) {
        return new ForeignKeyResult(child.name(), key.parentTable(), key.childColumns(), parentColumns, 0, List.of(), why,
                missingIndex(child, key.childColumns()));
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
