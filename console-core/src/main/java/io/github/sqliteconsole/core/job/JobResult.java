package io.github.sqliteconsole.core.job;

/**
 * What a successful job returns: one record per kind of result. Sealed, so that the JSON and the
 * pages can switch over every result and the compiler says when one is missing. A new result
 * record is added to {@code permits} (records must live in this package for that: the console is
 * not a named module).
 */
public sealed interface JobResult permits IntegrityReport, ForeignKeyReport, OrphanReport, MaintenanceResult, PreparedBackup {
}
