package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.job.IntegrityReport;
import io.github.sqliteconsole.core.sql.Queries;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.space.SpaceCheck;
import io.github.sqliteconsole.core.space.SpaceReport;
import io.github.sqliteconsole.core.space.TableSpace;
import io.github.sqliteconsole.core.sql.Deadline;
import io.github.sqliteconsole.core.sql.Identifiers;
import io.github.sqliteconsole.core.sql.EveryBTreeCheck;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code integrity_check} or {@code quick_check} table by table, so a job can show progress
 * (weighted by each table's bytes) and stop between and within tables. Checking per table skips
 * SQLite's whole-file page accounting; the last step does it instead: every page must belong to a
 * b-tree or the freelist. One {@code dbstat} scan serves both the weights and the accounting: a
 * second one, for the accounting alone, made the quick check about 1.6 times the pragma on 1 GB.
 */
public final class IntegrityCheck {

    private static final long LOCK_BYTE_OFFSET = 1L << 30;

    private final boolean quick;
    private final int maxErrors;

    public IntegrityCheck(boolean quick, int maxErrors) {
        this.quick = quick;
        this.maxErrors = maxErrors;
    }

    /** Runs on one of the console's own connections; stops when {@code context} is cancelled. */
    public IntegrityReport run(Connection own, JobContext context) throws SQLException {
        String pragma = quick ? "quick_check" : "integrity_check";
        List<String> errors = new ArrayList<>();
        WithinTable within = new WithinTable(context, quick);
        try (Deadline stop = Deadline.install(own, Duration.ofDays(365), context::cancelled, within::tick)) {
            Layout layout;
            try {
                layout = layout(own);
            } catch (SQLException e) {
                if (!SqliteErrors.isCorrupt(e)) {
                    throw e;
                }
                // Too damaged to walk table by table: SQLite's whole-file check says what it can.
                errors.add(e.getMessage());
                wholeFile(own, pragma, errors);
                return report(errors);
            }
            SpaceReport space = layout.space();
            List<TableSpace> tables = space.tables();
            double total = Math.max(1, tables.stream().mapToLong(TableSpace::totalBytes).sum());
            long done = 0;
            for (int i = 0; i < tables.size() && errors.size() < maxErrors; i++) {
                TableSpace table = tables.get(i);
                String step = "checking " + table.name() + " (" + (i + 1) + " of " + tables.size() + ")";
                context.progress(done / total, step);
                within.start(step, done / total, table.totalBytes() / total, table.totalBytes());
                checkTable(own, pragma, table, errors);
                within.stop();
                done += table.totalBytes();
            }
            context.progress(0.99, "checking that every page is accounted for");
            pageAccounting(layout, errors);
        }
        return report(errors);
    }

    private IntegrityReport report(List<String> errors) {
        boolean truncated = errors.size() > maxErrors;
        return new IntegrityReport(truncated ? errors.subList(0, maxErrors) : errors, truncated);
    }

    private void checkTable(Connection own, String pragma, TableSpace table, List<String> errors) throws SQLException {
        List<String> names = new ArrayList<>(table.shadowTables());
        names.add(0, table.name());
        for (String name : names) {
            try (PreparedStatement statement = own.prepareStatement("PRAGMA " + pragma + "(" + Identifiers.quote(name) + ")");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next() && errors.size() <= maxErrors) {
                    String line = rows.getString(1);
                    if (!"ok".equals(line)) {
                        errors.add(line);
                    }
                }
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                    // Dropped while the check ran: say so for this table and check the rest.
                    errors.add(name + ": not checked, the table no longer exists");
                } else if (SqliteErrors.isCorrupt(e)) {
                    errors.add(name + ": " + e.getMessage());
                } else if (name.equals(table.name()) && "virtual".equals(table.type()) && EveryBTreeCheck.applies(e)) {
                    // Its self-check cannot run here (EveryBTreeCheck says why); its shadow tables are checked next.
                    continue;
                } else {
                    throw e;
                }
            }
        }
    }

    private void wholeFile(Connection own, String pragma, List<String> errors) throws SQLException {
        try (PreparedStatement statement = own.prepareStatement("PRAGMA " + pragma + "(" + maxErrors + ")");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (!"ok".equals(rows.getString(1))) {
                    errors.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            if (!SqliteErrors.isCorrupt(e)) {
                throw e;
            }
            errors.add(e.getMessage());
        }
    }

    /**
     * The b-trees' sizes with the page size and whether pointer-map pages exist, all from one read
     * snapshot: the accounting compares them, so a commit between two of them must not show up as
     * pages in no b-tree. The snapshot ends before the tables are checked, so a long check never
     * holds back the host's WAL checkpoints.
     */
    private static Layout layout(Connection own) throws SQLException {
        if (!own.getAutoCommit()) {
            return readLayout(own); // the caller's transaction is the snapshot already
        }
        own.setAutoCommit(false);
        try {
            return readLayout(own);
        } finally {
            own.rollback(); // it only read
            own.setAutoCommit(true);
        }
    }

    private static Layout readLayout(Connection own) throws SQLException {
        SpaceReport space = new SpaceCheck(Duration.ZERO).run(own, 0, 0);
        return new Layout(space, Queries.longValue(own, "PRAGMA page_size"), Queries.longValue(own, "PRAGMA auto_vacuum") != 0);
    }

    private record Layout(SpaceReport space, long pageSize, boolean autoVacuum) {
    }

    /**
     * Pages in b-trees + freelist + the lock-byte page must equal the file's page count. Every
     * b-tree is in the report (a table, its shadow tables and the indexes of both; sqlite_schema
     * and the statistics tables too), each counted by its pages.
     */
    private static void pageAccounting(Layout layout, List<String> errors) {
        SpaceReport space = layout.space();
        if (!space.sizesKnown() || layout.autoVacuum()) {
            return; // pointer-map pages of auto_vacuum files are in no b-tree; SQLite's own check covers them
        }
        long pageSize = layout.pageSize();
        long pageCount = space.pagesBytes() / pageSize;
        long inTrees = space.tables().stream().mapToLong(TableSpace::totalBytes).sum() / pageSize;
        long free = space.freelistBytes() / pageSize;
        long lockBytePage = pageCount * pageSize > LOCK_BYTE_OFFSET ? 1 : 0;
        long unaccounted = pageCount - inTrees - free - lockBytePage;
        if (unaccounted != 0) {
            errors.add("page accounting: " + Math.abs(unaccounted) + " of " + pageCount + " pages are "
                    + (unaccounted > 0 ? "in no table, index or freelist" : "counted twice"));
        }
    }
}
