package dev.e2ee.platform.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Aggregates {@link AuthenticationFailedEvent}s in memory into one {@link Summary} per client address and minute,
 * so a service audits at most one row per source and minute (with a count) instead of one row per failure. Bounded:
 * past {@code maxSources} buckets, further sources of the same minute are counted under {@link #OTHER_SOURCES}.
 * Thread-safe; a crash loses at most the counts not yet drained.
 */
public final class AuthenticationFailureTally {

    /** Source name of the bucket that collects sources beyond the bound. */
    public static final String OTHER_SOURCES = "other";

    /** What one source did in one minute: the first failure's request, and counts by reason. */
    public record Summary(
            String clientAddress,
            Instant minute,
            Instant firstAt,
            String firstRequestId,
            String method,
            String path,
            long count,
            Map<String, Long> reasons) {

        public Summary {
            reasons = Map.copyOf(reasons);
        }

        /** The reason of most failures (the audit row's {@code reason}). */
        public String mainReason() {
            return reasons.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse("unknown");
        }
    }

    private record Key(String clientAddress, Instant minute) {}

    private final Map<Key, Summary> buckets = new ConcurrentHashMap<>();
    private final int maxSources;

    public AuthenticationFailureTally(int maxSources) {
        this.maxSources = maxSources;
    }

    /** Counts one failure that happened at {@code at}. */
    public void add(AuthenticationFailedEvent event, Instant at) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        String source = event.clientAddress() == null ? "unknown" : event.clientAddress();
        Key key = new Key(source, minute);
        if (!buckets.containsKey(key) && buckets.size() >= maxSources) {
            key = new Key(OTHER_SOURCES, minute);
        }
        Summary one = new Summary(
                key.clientAddress(),
                minute,
                at,
                event.requestId(),
                event.method(),
                event.path(),
                1,
                Map.of(event.reason(), 1L));
        buckets.merge(key, one, AuthenticationFailureTally::combine);
    }

    /** Puts back a summary that could not be recorded, so the next drain retries it. */
    public void restore(Summary summary) {
        buckets.merge(new Key(summary.clientAddress(), summary.minute()), summary, AuthenticationFailureTally::combine);
    }

    /** Removes and returns the summaries of minutes that ended before {@code now} (all of them when {@code all}). */
    public List<Summary> drain(Instant now, boolean all) {
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        List<Summary> drained = new ArrayList<>();
        for (Key key : List.copyOf(buckets.keySet())) {
            if (all || key.minute().isBefore(current)) {
                Summary summary = buckets.remove(key);
                if (summary != null) {
                    drained.add(summary);
                }
            }
        }
        return drained;
    }

    private static Summary combine(Summary a, Summary b) {
        Summary first = a.firstAt().isAfter(b.firstAt()) ? b : a;
        Map<String, Long> reasons = new TreeMap<>(a.reasons());
        b.reasons().forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
        return new Summary(
                a.clientAddress(),
                a.minute(),
                first.firstAt(),
                first.firstRequestId(),
                first.method(),
                first.path(),
                a.count() + b.count(),
                reasons);
    }
}
