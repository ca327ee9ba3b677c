package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.sql.HostDatabase;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Checks the relations a host configured against the schema when the console is built. */
public final class ConfiguredRelations {

    private static final System.Logger LOGGER = System.getLogger(ConfiguredRelations.class.getName());

    private ConfiguredRelations() {
    }

    /**
     * What is wrong with {@code relations} (a missing table or column, by name), or nothing. A
     * database that cannot be reached yet (the host starts first) is no reason to refuse: the
     * orphan scan then reports such a relation instead.
     */
    public static List<String> problems(List<Relation> relations, HostDatabase database) {
        if (relations.isEmpty()) {
            return List.of();
        }
        try (Connection own = database.openReadOnly()) {
            return new OrphanScan(relations).problems(own);
        } catch (SQLException e) {
            LOGGER.log(Level.WARNING, "SQLite Console could not check its configured relations now ("
                    + e.getMessage() + "); the orphan scan will report any that do not fit the schema");
            return List.of();
        }
    }

    /** Like {@link #problems}, but refuses: the message names every problem and what to do. */
    public static void requireFit(List<Relation> relations, HostDatabase database) {
        List<String> problems = problems(relations, database);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems)
                    + "; fix the relation or remove it from the console's options");
        }
    }
}
