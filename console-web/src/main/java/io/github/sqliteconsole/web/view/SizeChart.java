package io.github.sqliteconsole.web.view;

import io.github.sqliteconsole.core.sql.ByteSize;
import io.github.sqliteconsole.core.space.SpaceReport;
import io.github.sqliteconsole.core.space.TableSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of the server-rendered bar chart of the largest tables: one bar per table, split into
 * the table's own bytes and its indexes'. The template draws it as SVG; colours come from CSS, so
 * light and dark mode both read well, and each bar has a {@code <title>} for hover and screen readers.
 */
public record SizeChart(int width, int height, List<Bar> bars) {

    public static final int LABEL_WIDTH = 220;
    public static final int BAR_HEIGHT = 18;
    public static final int GAP = 6;
    private static final int WIDTH = 800;
    private static final int BAR_SPACE = WIDTH - LABEL_WIDTH - 110;

    /** One table's bar; x and widths in SVG units. */
    public record Bar(String label, String href, int y, int textY, int tableWidth, int indexWidth, int indexX,
                      String value, int valueX, String title) {

        /** Where every bar starts: right of the labels. */
        public int x() {
            return LABEL_WIDTH;
        }
    }

    public static SizeChart of(SpaceReport report, int largest, Links links) {
        List<TableSpace> tables = report.tables().stream().filter(t -> t.totalBytes() > 0).limit(largest).toList();
        long max = tables.stream().mapToLong(TableSpace::totalBytes).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (TableSpace table : tables) {
            int tableWidth = scale(table.tableBytes(), max);
            int indexWidth = scale(table.indexBytes(), max);
            String label = table.name().length() > 28 ? table.name().substring(0, 27) + "…" : table.name();
            String title = table.name() + ": " + ByteSize.format(table.totalBytes()) + " (table "
                    + ByteSize.format(table.tableBytes()) + ", indexes " + ByteSize.format(table.indexBytes()) + ")";
            bars.add(new Bar(label, links.table(table.name()), y, y + BAR_HEIGHT - 5, tableWidth, indexWidth,
                    LABEL_WIDTH + tableWidth, ByteSize.format(table.totalBytes()),
                    LABEL_WIDTH + tableWidth + indexWidth + 6, title));
            y += BAR_HEIGHT + GAP;
        }
        return new SizeChart(WIDTH, Math.max(y, 1), bars);
    }

    private static int scale(long bytes, long max) {
        return bytes == 0 ? 0 : Math.max(1, (int) Math.round((double) bytes * BAR_SPACE / max));
    }
}
