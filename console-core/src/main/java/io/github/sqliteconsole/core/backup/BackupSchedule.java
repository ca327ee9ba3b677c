package io.github.sqliteconsole.core.backup;

import java.time.Duration;
import java.time.Instant;

/**
 * When the next scheduled run is due, without a thread: the caller's scheduler asks. A run missed
 * while the application was down is due once, now, not once per missed interval; after a failure
 * the run is retried sooner than a whole interval, but not back to back.
 */
public final class BackupSchedule {

    /** The longest wait before retrying a failed run (shorter when the interval is shorter). */
    public static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(5);

    private BackupSchedule() {
    }

    /**
     * The next run's time: {@code now} when there was never a success, or one interval after the
     * last success, but no earlier than {@code now} (so downtime gives one run, not N); when the
     * last attempt failed, a retry {@link #RETRY_AFTER_FAILURE} (or one interval, if shorter) after it.
     *
     * @param lastSuccess the last successful run, null if none
     * @param lastFailure the last failed run, null if none
     */
    public static Instant nextRun(Instant lastSuccess, Instant lastFailure, Duration interval, Instant now) {
        Instant next = lastSuccess == null ? now : lastSuccess.plus(interval);
        if (lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess))) {
            next = lastFailure.plus(interval.compareTo(RETRY_AFTER_FAILURE) < 0 ? interval : RETRY_AFTER_FAILURE);
        }
        return next.isBefore(now) ? now : next;
    }

    /** Whether a run is due at {@code now}. */
    public static boolean due(Instant lastSuccess, Instant lastFailure, Duration interval, Instant now) {
        return !nextRun(lastSuccess, lastFailure, interval, now).isAfter(now);
    }
}
