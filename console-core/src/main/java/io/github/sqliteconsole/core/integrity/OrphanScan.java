package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.job.ForeignKeyResult;
import io.github.sqliteconsole.core.job.OrphanResult;
import io.github.sqliteconsole.core.sql.Queries;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.schema.ColumnInfo;
import io.github.sqliteconsole.core.schema.ForeignKeyInfo;
import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.core.sql.Deadline;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Orphans of every relationship: declared foreign keys, {@code *_id} columns that name a table
 * with an INTEGER PRIMARY KEY ({@code customer_id} → {@code customer}/{@code customers};
 * {@code parent_id} → the same table), and relations the host configured. A {@code *_id} column
 * that names no such table is not a relationship at all (Chromium's {@code visit_id}s name no
 * table): it is left out, never guessed.
 */
public final class OrphanScan {

    private final List<Relation> configured;

    public OrphanScan(List<Relation> configured) {
        this.configured = List.copyOf(configured);
    }

    /**
     * Why each configured relation cannot be checked against this schema (a missing table or
     * column); empty when all of them can.
     */
    public List<String> problems(Connection own) throws SQLException {
        Map<String, TableDetails> tables = byLowerName(Schema.read(own).userTables());
        List<String> problems = new ArrayList<>();
        for (Relation relation : configured) {
            String problem = problem(tables, relation);
            if (problem != null) {
                problems.add("configured relation " + relation + ": " + problem);
            }
        }
        return problems;
    }

    public List<OrphanResult> run(Connection own, JobContext context) throws SQLException {
        List<OrphanResult> results = new ArrayList<>();
        Schema schema = Schema.read(own);
        List<TableDetails> children = schema.userTables();
        Map<String, TableDetails> tables = byLowerName(children);
        try (Deadline stop = Deadline.install(own, Duration.ofDays(365), context::cancelled)) {
            for (int i = 0; i < children.size(); i++) {
                TableDetails child = children.get(i);
                context.progress((double) i / Math.max(1, children.size() + 1),
                        "scanning " + child.name() + " (" + (i + 1) + " of " + children.size() + ")");
                for (ForeignKeyInfo key : child.foreignKeysOut()) {
                    results.add(declared(own, schema, child, key));
                }
                for (ColumnInfo column : child.columns()) {
                    if (isUndeclaredIdColumn(child, column) && !isConfigured(child, column)) {
                        inferred(own, tables, child, column).ifPresent(results::add);
                    }
                }
            }
            context.progress((double) children.size() / (children.size() + 1), "scanning configured relations");
            for (Relation relation : configured) {
                results.add(configured(own, tables, relation));
            }
        }
        return results;
    }

    private static OrphanResult declared(Connection own, Schema schema, TableDetails child, ForeignKeyInfo key)
            throws SQLException {
        ForeignKeyResult checked = new ForeignKeyCheck().check(own, schema, child, key);
        if (checked.error() != null) {
            // A missing parent table still has its violations (every non-NULL key): keep the check's count and rows.
            return new OrphanResult(child.name(), key.childColumns(), checked.parent(), checked.parentColumns(), "declared",
                    checked.violations(), checked.sampleRowids(), null, null, checked.error(), null);
        }
        return count(own, child, key.childColumns(), checked.parent(), checked.parentColumns(), "declared");
    }

    private static Optional<OrphanResult> inferred(Connection own, Map<String, TableDetails> tables, TableDetails child,
                                                   ColumnInfo column) throws SQLException {
        String stem = column.name().substring(0, column.name().length() - 3);
        List<String> candidates = stem.equalsIgnoreCase("parent")
                ? List.of(child.name().toLowerCase(Locale.ROOT)) : Relation.parentCandidates(stem);
        for (String candidate : candidates) {
            TableDetails parent = tables.get(candidate);
            String key = parent == null ? null : integerPrimaryKey(parent);
            if (key != null) {
                return Optional.of(count(own, child, List.of(column.name()), parent.name(), List.of(key), "inferred"));
            }
        }
        return Optional.empty();
    }

    private static OrphanResult configured(Connection own, Map<String, TableDetails> tables, Relation relation)
            throws SQLException {
        TableDetails child = tables.get(relation.child().toLowerCase(Locale.ROOT));
        TableDetails parent = tables.get(relation.parent().toLowerCase(Locale.ROOT));
        String problem = problem(tables, relation);
        if (problem != null) {
            return failed(relation.child(), List.of(relation.childColumn()), relation.parent(),
                    List.of(relation.parentColumn()), "configured", "configured relation " + relation + ": " + problem);
        }
        return count(own, child, List.of(column(child, relation.childColumn()).get()), parent.name(),
                List.of(column(parent, relation.parentColumn()).get()), "configured");
    }

    private static String problem(Map<String, TableDetails> tables, Relation relation) {
        TableDetails child = tables.get(relation.child().toLowerCase(Locale.ROOT));
        TableDetails parent = tables.get(relation.parent().toLowerCase(Locale.ROOT));
        if (child == null) {
            return "table " + relation.child() + " does not exist";
        }
        if (parent == null) {
            return "table " + relation.parent() + " does not exist";
        }
        if (column(child, relation.childColumn()).isEmpty()) {
            return "column " + relation.childColumn() + " does not exist in " + child.name();
        }
        return column(parent, relation.parentColumn()).isEmpty()
                ? "column " + relation.parentColumn() + " does not exist in " + parent.name() : null;
    }

    private static OrphanResult count(Connection own, TableDetails child, List<String> childColumns, String parent,
                                      List<String> parentColumns, String origin) throws SQLException {
        MissingParents missing = new MissingParents(child.name(), childColumns, parent, parentColumns);
        long orphans = missing.count(own);
        List<Long> samples = orphans > 0 && child.hasRowid() ? missing.sampleRowids(own, ForeignKeyCheck.SAMPLES) : List.of();
        // Clearing a NOT NULL column fails: never suggest it there.
        boolean nullable = childColumns.stream().noneMatch(name -> child.columns().stream()
                .anyMatch(c -> c.name().equalsIgnoreCase(name) && c.notNull()));
        String note = orphans > 0 && childColumns.size() == 1 ? sentinelNote(own, missing, childColumns.get(0), orphans) : null;
        return new OrphanResult(child.name(), childColumns, parent, parentColumns, origin, orphans, samples,
                orphans > 0 ? missing.deleteSql() : null, orphans > 0 && nullable ? missing.setNullSql() : null, null, note);
    }

    /**
     * When one "none" value (0, -1, '') holds most of the orphans, the column uses it instead of
     * NULL: those rows reference nothing on purpose, and deleting them would be a mistake.
     */
    private static String sentinelNote(Connection own, MissingParents missing, String column, long orphans)
            throws SQLException {
        Optional<MissingParents.KeyCount> top = missing.mostFrequentMissingKey(own);
        if (top.isEmpty() || top.get().rows() * 2 <= orphans || !isSentinel(top.get().value())) {
            return null;
        }
        String shown = top.get().value() instanceof String ? "''" : String.valueOf(top.get().value());
        return top.get().rows() + " of these " + orphans + " rows have " + column + " = " + shown + ": the application"
                + " probably uses " + shown + " to mean \"none\" instead of NULL, so those rows are likely fine."
                + " Look at the others before running a fix, and leave out " + column + " = " + shown + ".";
    }

    private static boolean isSentinel(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue() == 0 || number.doubleValue() == -1;
        }
        return value instanceof String text && text.isEmpty();
    }

    private static OrphanResult failed(String child, List<String> childColumns, String parent, List<String> parentColumns,
                                       String origin, String error) {
        return new OrphanResult(child, childColumns, parent, parentColumns, origin, 0, List.of(), null, null, error, null);
    }

    private static boolean isUndeclaredIdColumn(TableDetails table, ColumnInfo column) {
        String name = column.name().toLowerCase(Locale.ROOT);
        boolean declared = table.foreignKeysOut().stream()
                .anyMatch(key -> key.childColumns().stream().anyMatch(c -> c.equalsIgnoreCase(column.name())));
        return name.endsWith("_id") && name.length() > 3 && column.pkPosition() == 0 && !declared;
    }

    private boolean isConfigured(TableDetails table, ColumnInfo column) {
        return configured.stream().anyMatch(relation -> relation.child().equalsIgnoreCase(table.name())
                && relation.childColumn().equalsIgnoreCase(column.name()));
    }

    /** The table's rowid alias column, or null: only then is a bare {@code *_id} surely a reference to it. */
    private static String integerPrimaryKey(TableDetails table) {
        List<String> key = table.primaryKey();
        if (!table.hasRowid() || key.size() != 1) {
            return null;
        }
        return column(table, key.get(0)).filter(name -> table.columns().stream()
                .anyMatch(c -> c.name().equals(name) && c.declaredType().equalsIgnoreCase("INTEGER"))).orElse(null);
    }

    private static Optional<String> column(TableDetails table, String name) {
        return table.columns().stream().map(ColumnInfo::name).filter(column -> column.equalsIgnoreCase(name)).findFirst();
    }

    private static Map<String, TableDetails> byLowerName(List<TableDetails> tables) {
        Map<String, TableDetails> byName = new HashMap<>();
        tables.forEach(table -> byName.put(table.name().toLowerCase(Locale.ROOT), table));
        return byName;
    }
}
