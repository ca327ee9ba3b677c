package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.schema.CellValue;
import io.github.sqliteconsole.core.schema.ForeignKeyInfo;
import io.github.sqliteconsole.core.schema.RowQuery;
import io.github.sqliteconsole.core.schema.RowWindow;
import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.web.routing.Params;
import io.github.sqliteconsole.web.view.Links;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The row browser's request and links: {@code sort} (a column), {@code dir} ({@code asc} or
 * {@code desc}), {@code col} and {@code eq} (show rows where that column equals that value),
 * {@code offset} and {@code limit}. Every link keeps the others, so sorting keeps the filter and
 * paging keeps both. Column names are checked against the schema in core; this only carries them.
 */
record RowBrowse(TableDetails table, String sort, boolean descending, String filterColumn, String filterValue,
                 long offset, int limit) {

    static final long MAX_OFFSET = 1_000_000_000L;

    static RowBrowse of(HttpServletRequest request, TableDetails table, int defaultLimit, int maxLimit) {
        String sort = emptyToNull(Params.text(request, "sort"));
        boolean descending = Params.oneOf(request, "dir", "asc", Set.of("asc", "desc")).equals("desc");
        String column = emptyToNull(Params.text(request, "col"));
        String value = Params.text(request, "eq");
        if (column == null) {
            value = null;
        } else if (value == null) {
            value = "";
        }
        long offset = Params.integer(request, "offset", 0, 0, (int) Math.min(Integer.MAX_VALUE, MAX_OFFSET));
        int limit = Params.integer(request, "limit", defaultLimit, 1, maxLimit);
        return new RowBrowse(table, sort, descending, column, value, offset, limit);
    }

    RowQuery query() {
        return new RowQuery(sort, descending, filterColumn, filterValue, offset, limit);
    }

    /** This table's page link with these parameters, from the mount root. */
    String href(String sortColumn, boolean desc, long at) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (sortColumn != null) {
            parameters.put("sort", sortColumn);
            parameters.put("dir", desc ? "desc" : "asc");
        }
        if (filterColumn != null) {
            parameters.put("col", filterColumn);
            parameters.put("eq", filterValue);
        }
        if (at > 0) {
            parameters.put("offset", Long.toString(at));
        }
        parameters.put("limit", Integer.toString(limit));
        return withParameters(new Links().table(table.name()), parameters);
    }

    /** The same selection as a download, from the mount root. */
    String exportHref(String format) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("name", table.name());
        parameters.put("format", format);
        if (sort != null) {
            parameters.put("sort", sort);
            parameters.put("dir", descending ? "desc" : "asc");
        }
        if (filterColumn != null) {
            parameters.put("col", filterColumn);
            parameters.put("eq", filterValue);
        }
        return withParameters("table/export", parameters);
    }

    /** Without the filter, in the same order. */
    String unfilteredHref() {
        return new RowBrowse(table, sort, descending, null, null, 0, limit).href(sort, descending, 0);
    }

    /** A sortable column header: its link (ascending first, then the other way) and its {@code aria-sort}. */
    record Header(String name, String href, String ariaSort) {
    }

    /** One shown value, with a link to the parent row when the column is a foreign key. */
    record Cell(CellValue value, String href) {
    }

    List<Header> headers(RowWindow window) {
        List<Header> headers = new ArrayList<>();
        for (String column : window.columns()) {
            boolean current = column.equals(sort);
            boolean nextDescending = current && !descending;
            String ariaSort = current ? (descending ? "descending" : "ascending") : "none";
            headers.add(new Header(column, href(column, nextDescending, 0), ariaSort));
        }
        return headers;
    }

    List<List<Cell>> rows(RowWindow window) {
        Map<Integer, ForeignKeyInfo> keys = new LinkedHashMap<>();
        for (int i = 0; i < window.columns().size(); i++) {
            String column = window.columns().get(i);
            for (ForeignKeyInfo key : table.foreignKeysOut()) {
                if (key.childColumns().size() == 1 && key.childColumns().get(0).equals(column)) {
                    keys.put(i, key);
                }
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (List<CellValue> values : window.rows()) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                CellValue value = values.get(i);
                ForeignKeyInfo key = keys.get(i);
                boolean linkable = key != null && !value.truncated() && (value.kind().equals("INTEGER") || value.kind().equals("TEXT"));
                cells.add(new Cell(value, linkable ? parentHref(key, value.display()) : null));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The parent table filtered to the referenced row; a key naming no column references the primary key (rowid). */
    private String parentHref(ForeignKeyInfo key, String value) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("col", key.parentColumns().isEmpty() ? "rowid" : key.parentColumns().get(0));
        parameters.put("eq", value);
        return withParameters(new Links().table(key.parentTable()), parameters);
    }

    /** "51–100 of 24,025" as its parts: first and last shown (1-based) and the total, or -1. */
    Map<String, Object> pager(RowWindow window) {
        Map<String, Object> pager = new LinkedHashMap<>();
        long shown = window.rows().size();
        pager.put("first", shown == 0 ? 0 : window.offset() + 1);
        pager.put("last", window.offset() + shown);
        pager.put("total", window.total());
        pager.put("firstHref", offset > 0 ? href(sort, descending, 0) : null);
        pager.put("previousHref", offset > 0 ? href(sort, descending, Math.max(0, offset - limit)) : null);
        boolean more = window.totalKnown() ? offset + shown < window.total() : shown == limit;
        pager.put("nextHref", more ? href(sort, descending, offset + limit) : null);
        long lastOffset = window.totalKnown() && window.total() > 0 ? (window.total() - 1) / limit * limit : -1;
        pager.put("lastHref", more && lastOffset > offset && lastOffset <= MAX_OFFSET ? href(sort, descending, lastOffset) : null);
        return pager;
    }

    private static String withParameters(String link, Map<String, String> parameters) {
        StringBuilder out = new StringBuilder(link);
        char separator = link.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            out.append(separator).append(parameter.getKey()).append('=').append(Links.encode(parameter.getValue()));
            separator = '&';
        }
        return out.toString();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
