package io.github.sqliteconsole.core.space;

import io.github.sqliteconsole.core.sql.Queries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes per table and index from one {@code dbstat} scan grouped by b-tree (one statement, so
 * the cost does not grow with the number of tables). The scan is per page rather than
 * {@code aggregate = TRUE} because only per-page rows tell overflow pages and leaf cells apart;
 * measured on 1 GB it costs about 1.2 times the aggregate scan.
 *
 * <p>The same scan gives exact row counts for free: every row of a rowid table is one cell on a
 * leaf page of its b-tree, and every row of a WITHOUT ROWID table one cell on any of its pages.
 * Only virtual tables (whose rows live in their module) are counted with {@code count(*)} within
 * the time budget, and estimated past it; so is every table when this SQLite lacks {@code dbstat}.
 */
public final class SpaceCheck {

    private record SchemaTable(String name, String type, boolean withoutRowid, boolean strict) {
    }

    private record Btree(long bytes, long unused, long overflowPages, long leafCells, long internalCells) {
        static final Btree NONE = new Btree(0, 0, 0, 0, 0);

        long rows(boolean withoutRowid) {
            return withoutRowid ? leafCells + internalCells : leafCells;
        }
    }

    private final Duration countBudget;

    /** @param countBudget total time for exact {@code count(*)}s; past it rows are estimated */
    public SpaceCheck(Duration countBudget) {
        this.countBudget = countBudget;
    }

    /**
     * Runs on one of the console's own connections: the row counts install a progress handler.
     *
     * @param fileBytes the main file's size on disk (0 when the caller does not need it)
     * @param walBytes  the {@code -wal} file's size
     */
    public SpaceReport run(Connection own, long fileBytes, long walBytes) throws SQLException {
        Map<String, Btree> btrees = new HashMap<>();
        boolean sizesKnown = readDbstat(own, btrees);
        Map<String, List<String>> indexesByTable = indexesByTable(own);
        List<SchemaTable> schemaTables = schemaTables(own);
        Map<String, String> shadowOwners = shadowOwners(schemaTables);

        Map<String, List<String>> shadowsByOwner = new HashMap<>();
        shadowOwners.forEach((shadow, owner) -> shadowsByOwner.computeIfAbsent(owner, key -> new ArrayList<>()).add(shadow));
        List<TableSpace> tables = new ArrayList<>();
        for (SchemaTable table : schemaTables) {
            if (shadowOwners.containsKey(table.name())) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            parts.add(table.name());
            parts.addAll(shadowsByOwner.getOrDefault(table.name(), List.of()));
            long bytes = 0;
            long unused = 0;
            long overflowPages = 0;
            List<IndexSpace> indexes = new ArrayList<>();
            for (String part : parts) {
                Btree btree = btrees.getOrDefault(part, Btree.NONE);
                bytes += btree.bytes();
                unused += btree.unused();
                overflowPages += btree.overflowPages();
                for (String index : indexesByTable.getOrDefault(part, List.of())) {
                    indexes.add(new IndexSpace(index, btrees.getOrDefault(index, Btree.NONE).bytes()));
                }
            }
            indexes.sort(Comparator.comparingLong(IndexSpace::bytes).reversed().thenComparing(IndexSpace::name));
            String type = table.name().startsWith("sqlite_") ? "internal" : table.type();
            List<String> shadows = parts.subList(1, parts.size()).stream().sorted().toList();
            boolean rowsFromCells = sizesKnown && !table.type().equals("virtual");
            long rows = rowsFromCells ? btrees.getOrDefault(table.name(), Btree.NONE).rows(table.withoutRowid()) : -1;
            tables.add(new TableSpace(table.name(), type, table.withoutRowid(), table.strict(), rows, rowsFromCells,
                    bytes, unused, overflowPages, indexes, shadows));
        }
        List<TableSpace> counted = countTheRest(own, tables);
        long pageSize = Queries.longValue(own, "PRAGMA page_size");
        return new SpaceReport(counted, pageSize * Queries.longValue(own, "PRAGMA page_count"), fileBytes,
                pageSize * Queries.longValue(own, "PRAGMA freelist_count"), walBytes, sizesKnown);
    }

    /** The tables whose rows the scan could not tell, counted or estimated; the order kept. */
    private List<TableSpace> countTheRest(Connection own, List<TableSpace> tables) throws SQLException {
        List<TableSpace> unknown = tables.stream().filter(table -> !table.rowsExact()).toList();
        Map<String, TableSpace> counted = new HashMap<>();
        for (TableSpace table : new RowCounter(own).count(unknown, countBudget)) {
            counted.put(table.name(), table);
        }
        return tables.stream().map(table -> counted.getOrDefault(table.name(), table)).toList();
    }

    /** Fills {@code btrees}; false when this SQLite was built without {@code dbstat}. */
    private static boolean readDbstat(Connection connection, Map<String, Btree> btrees) throws SQLException {
        String sql = "SELECT name, sum(pgsize), sum(unused), sum(pagetype = 'overflow'), "
                + "sum(CASE pagetype WHEN 'leaf' THEN ncell ELSE 0 END), sum(CASE pagetype WHEN 'internal' THEN ncell ELSE 0 END) "
                + "FROM dbstat WHERE schema = 'main' GROUP BY name";
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                btrees.put(rows.getString(1), new Btree(rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                        rows.getLong(6)));
            }
            return true;
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table: dbstat")) {
                return false;
            }
            throw e;
        }
    }

    private static Map<String, List<String>> indexesByTable(Connection connection) throws SQLException {
        Map<String, List<String>> indexes = new HashMap<>();
        String sql = "SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' ORDER BY name";
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                indexes.computeIfAbsent(rows.getString(2), key -> new ArrayList<>()).add(rows.getString(1));
            }
        }
        return indexes;
    }

    private static List<SchemaTable> schemaTables(Connection connection) throws SQLException {
        List<SchemaTable> tables = new ArrayList<>();
        String sql = "SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main' "
                + "AND type IN ('table', 'virtual', 'shadow') ORDER BY name";
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(new SchemaTable(rows.getString(1), rows.getString(2), rows.getInt(3) == 1, rows.getInt(4) == 1));
            }
        }
        return tables;
    }

    /**
     * Shadow table to the virtual table that owns it. SQLite names shadow tables
     * {@code <virtual table>_<suffix>}; the longest matching virtual table name wins.
     */
    private static Map<String, String> shadowOwners(List<SchemaTable> tables) {
        List<String> virtualTables = tables.stream().filter(t -> t.type().equals("virtual")).map(SchemaTable::name).toList();
        Map<String, String> owners = new HashMap<>();
        for (SchemaTable table : tables) {
            if (!table.type().equals("shadow")) {
                continue;
            }
            virtualTables.stream().filter(owner -> table.name().startsWith(owner + "_"))
                    .max(Comparator.comparingInt(String::length))
                    .ifPresent(owner -> owners.put(table.name(), owner));
        }
        return owners;
    }
}
