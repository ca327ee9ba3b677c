package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.job.JobContext;

/**
 * Progress inside one table's check. SQLite's check of a table reports nothing until it ends, so
 * on a database dominated by one table the bar would jump from 0 to 99 %. This estimates from
 * the table's size and the time spent on it, approaching its share without reaching it, and says
 * the figure is an estimate.
 */
final class WithinTable {

    /** Assumed bytes per second of a check on a warm cache (not measured here; only the shape of the bar depends on it). */
    private static final double QUICK_BYTES_PER_SECOND = 400e6;
    private static final double FULL_BYTES_PER_SECOND = 100e6;
    /** Report again only after the estimate moved this much of the whole job. */
    private static final double STEP = 0.005;

    private final JobContext context;
    private final double bytesPerSecond;
    private String step;
    private double base;
    private double share;
    private double expectedNanos;
    private long startedAt;
    private double reported;

    WithinTable(JobContext context, boolean quick) {
        this.context = context;
        this.bytesPerSecond = quick ? QUICK_BYTES_PER_SECOND : FULL_BYTES_PER_SECOND;
    }

    /** One table's check begins: it holds {@code share} of the job, from {@code base} on. */
    void start(String step, double base, double share, long tableBytes) {
        this.step = step;
        this.base = base;
        this.share = share;
        this.expectedNanos = Math.max(1, tableBytes / bytesPerSecond * 1e9);
        this.startedAt = System.nanoTime();
        this.reported = base;
    }

    void stop() {
        step = null;
    }

    /** Called from SQLite's progress handler while the table's check runs. */
    void tick() {
        if (step == null) {
            return;
        }
        double part = estimate(System.nanoTime() - startedAt, expectedNanos);
        double fraction = base + share * part;
        if (fraction - reported >= STEP) {
            reported = fraction;
            context.progress(fraction, step + ", about " + Math.round(part * 100) + " % of it (estimated from its size and the time so far)");
        }
    }

    /**
     * The part of a table done after {@code elapsed} when it should take {@code expected}: linear
     * at first, then approaching 95 % so an underestimated table never shows as finished.
     */
    static double estimate(double elapsed, double expected) {
        return 0.95 * (1 - Math.exp(-elapsed / expected));
    }
}
