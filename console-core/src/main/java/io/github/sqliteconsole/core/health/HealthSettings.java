package io.github.sqliteconsole.core.health;

import java.time.Duration;

/**
 * What the health probe needs of the console's options (see {@code ConsoleOptions} for each value).
 *
 * @param diskReserve free bytes VACUUM and backups leave to the host; the disk check warns below twice the database plus this
 */
public record HealthSettings(Duration hostBorrowTimeout, Duration quickCheckInterval, Duration quickCheckBudget,
                             double freelistThreshold, long walSizeThreshold, long diskReserve) {
}
