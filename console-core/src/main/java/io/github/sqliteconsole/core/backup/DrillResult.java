package io.github.sqliteconsole.core.backup;

import java.time.Instant;

/**
 * The outcome of a restore drill: a stored backup restored into a temp file, its SHA-256,
 * {@code integrity_check} and per-table row counts compared with its manifest.
 *
 * @param detail "ok", or what failed ("SHA-256 differs from the manifest", "orders: 10 rows, manifest says 12")
 */
public record DrillResult(Instant at, boolean ok, String detail) {
}
