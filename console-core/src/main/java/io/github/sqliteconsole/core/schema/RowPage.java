package io.github.sqliteconsole.core.schema;

import java.util.List;

/**
 * One page of a table's rows in key order.
 *
 * @param columns    the column names, the row key first ({@code rowid} for rowid tables)
 * @param rows       the values, one list per row, in {@code columns} order
 * @param nextCursor the cursor for the following page, or null on the last page
 */
public record RowPage(List<String> columns, List<List<CellValue>> rows, String nextCursor) {

    public RowPage {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
