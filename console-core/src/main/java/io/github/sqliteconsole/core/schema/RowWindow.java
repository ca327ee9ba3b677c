package io.github.sqliteconsole.core.schema;

import java.util.List;

/**
 * One window of a table's or view's rows in the order and filter a {@link RowQuery} asked for.
 *
 * @param columns the column names ({@code rowid} first for a rowid table without an INTEGER PRIMARY KEY)
 * @param rows    the values, one list per row
 * @param offset  the first row's position (0-based) among all matching rows
 * @param total   how many rows match, or -1 when counting took longer than its budget
 */
public record RowWindow(List<String> columns, List<List<CellValue>> rows, long offset, long total) {

    public RowWindow {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public boolean totalKnown() {
        return total >= 0;
    }
}
