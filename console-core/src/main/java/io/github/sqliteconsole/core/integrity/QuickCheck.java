package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.job.IntegrityReport;
import io.github.sqliteconsole.core.sql.EveryBTreeCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code PRAGMA quick_check}: the page-level checks of {@code integrity_check} without
 * verifying that indexes match their tables, about ten times faster.
 */
public final class QuickCheck {

    private final int maxErrors;

    public QuickCheck(int maxErrors) {
        if (maxErrors < 1) {
            throw new IllegalArgumentException("maxErrors must be at least 1, was " + maxErrors);
        }
        this.maxErrors = maxErrors;
    }

    /** Runs the check on {@code connection}; run it on one of the console's own connections. */
    public IntegrityReport run(Connection connection) throws SQLException {
        // maxErrors is an int we own, so formatting it into the pragma is safe.
        String sql = "PRAGMA quick_check(" + maxErrors + ")";
        List<String> errors = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String line = rows.getString(1);
                if (!"ok".equals(line)) {
                    errors.add(line);
                }
            }
        } catch (SQLException e) {
            if (!EveryBTreeCheck.applies(e)) {
                throw e;
            }
            errors = EveryBTreeCheck.run(connection, "quick_check", maxErrors);
        }
        return new IntegrityReport(errors, errors.size() >= maxErrors);
    }
}
