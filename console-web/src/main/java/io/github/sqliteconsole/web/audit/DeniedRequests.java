package io.github.sqliteconsole.web.audit;

import io.github.sqliteconsole.core.state.AuditTrail.DenialCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests denied to clients without any role, counted per minute, client and reason in memory.
 * A denied client can send thousands a second; one row per request would be a write beside the
 * host's database each time and would push the operators' own entries out of the trail.
 */
final class DeniedRequests {

    /** Distinct client-reason pairs counted within one minute; beyond it, the rest share one row per reason. */
    static final int MAX_KEYS_PER_MINUTE = 1_000;
    static final String OTHER_CLIENTS = "(other clients)";

    private record Key(String remoteAddress, String reason) {
    }

    /** What one denial changed: whether it opened a new row, and the rows of minutes that are over. */
    record Counted(DenialCount current, boolean first, List<DenialCount> finished) {
    }

    private Instant minute = Instant.EPOCH;
    private final Map<Key, Long> counts = new LinkedHashMap<>();

    synchronized Counted count(Instant at, String remoteAddress, String reason) {
        Instant thisMinute = at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        List<DenialCount> finished = List.of();
        if (!thisMinute.equals(minute)) {
            finished = snapshot();
            counts.clear();
            minute = thisMinute;
        }
        Key key = new Key(remoteAddress == null ? "-" : remoteAddress, reason);
        if (!counts.containsKey(key) && counts.size() >= MAX_KEYS_PER_MINUTE) {
            key = new Key(OTHER_CLIENTS, reason);
        }
        long count = counts.merge(key, 1L, Long::sum);
        return new Counted(new DenialCount(minute, key.remoteAddress(), reason, count), count == 1, finished);
    }

    /** This minute's counts so far. */
    synchronized List<DenialCount> snapshot() {
        List<DenialCount> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(new DenialCount(minute, key.remoteAddress(), key.reason(), count)));
        return rows;
    }
}
