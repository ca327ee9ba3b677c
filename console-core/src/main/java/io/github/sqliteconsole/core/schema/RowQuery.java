package io.github.sqliteconsole.core.schema;

/**
 * Which rows of a table or view to show: an optional {@code column = value} filter, an optional
 * sort column, and a window. Column names are checked against the schema before any SQL is made
 * ({@link RowSelection#select}); the value is always a bound parameter.
 *
 * @param sortColumn   the column to sort by, or null for the table's key order
 * @param descending   sort from the largest value
 * @param filterColumn the column to compare, or null for every row
 * @param filterValue  the value it must equal (compared as SQLite compares a column with a bound text)
 * @param offset       rows to skip, from 0
 * @param limit        rows to return, 1 to {@link TableRows#MAX_PAGE_SIZE} for a page
 */
public record RowQuery(String sortColumn, boolean descending, String filterColumn, String filterValue, long offset, int limit) {

    public RowQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        if ((filterColumn == null) != (filterValue == null)) {
            throw new IllegalArgumentException("a filter needs both a column and a value");
        }
    }

    public boolean filtered() {
        return filterColumn != null;
    }
}
