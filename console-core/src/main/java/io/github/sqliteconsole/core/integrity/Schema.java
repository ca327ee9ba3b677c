package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.core.schema.TableInspector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every ordinary table's schema, read once for a check that visits all of them: asking table by
 * table walks the whole schema for each one, which grows with the square of the table count.
 */
final class Schema {

    private final TableInspector inspector = new TableInspector();
    private final Map<String, TableDetails> byName;
    private final Map<String, TableDetails> byLowerName = new HashMap<>();

    private Schema(Map<String, TableDetails> byName) {
        this.byName = byName;
        byName.values().forEach(table -> byLowerName.put(asciiLower(table.name()), table));
        // sqlite_schema lists itself nowhere, so SQLite never resolves a parent to it.
        byLowerName.remove("sqlite_schema");
    }

    static Schema read(Connection own) throws SQLException {
        return new Schema(new TableInspector().inspectAll(own));
    }

    /** The user's ordinary tables, in name order: no view, virtual, shadow or {@code sqlite_*} table. */
    List<TableDetails> userTables() {
        return byName.values().stream()
                .filter(table -> table.type().equals("table") && !table.name().regionMatches(true, 0, "sqlite_", 0, 7))
                .sorted(Comparator.comparing(TableDetails::name)).toList();
    }

    /** The table named exactly {@code name}, if it was there when the schema was read. */
    Optional<TableDetails> table(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * A foreign key's parent as SQLite resolves it: table names match without regard to (ASCII)
     * case. A table not read here (a virtual table, or none at all) is looked up in the database.
     */
    Optional<TableDetails> parent(Connection own, String name) throws SQLException {
        TableDetails known = byLowerName.get(asciiLower(name));
        if (known != null) {
            return Optional.of(known);
        }
        try (PreparedStatement statement = own.prepareStatement(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? inspector.inspect(own, rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** SQLite's NOCASE folds A-Z only. */
    private static String asciiLower(String name) {
        StringBuilder lowered = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            lowered.append(c >= 'A' && c <= 'Z' ? Character.toLowerCase(c) : c);
        }
        return lowered.toString();
    }
}
