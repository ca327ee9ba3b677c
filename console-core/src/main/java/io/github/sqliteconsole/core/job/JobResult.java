package io.github.sqliteconsole.core.job;

/**
 * What a successful job returns: one record per kind of result. Sealed, and every consumer goes
 * through {@link Visitor}, Java 17's exhaustive switch over a sealed type: a new result record adds
 * a visitor method, and every place that shows results (the JSON) fails to compile until it
 * handles it. Records must live in this package for {@code permits}: the console is not a named module.
 */
public sealed interface JobResult permits IntegrityReport, ForeignKeyReport, OrphanReport, MaintenanceResult, PreparedBackup,
        StoredBackupReport, DrillReport, RestoreReport {

    <T> T accept(Visitor<T> visitor);

    /** One method per result record. */
    interface Visitor<T> {

        T integrity(IntegrityReport report);

        T foreignKeys(ForeignKeyReport report);

        T orphans(OrphanReport report);

        T maintenance(MaintenanceResult result);

        T preparedBackup(PreparedBackup backup);

        T storedBackup(StoredBackupReport report);

        T drill(DrillReport report);

        T restore(RestoreReport report);
    }
}
