package dev.e2ee.platform.ratelimit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-instance fixed-window counters, used while Redis is unavailable. Bounded: stale windows are dropped. */
final class LocalWindowCounters {

    private record Counter(long window, long count) {}

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final int maxEntries;

    LocalWindowCounters(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    long[] increment(List<String> keys, long window) {
        if (counters.size() >= maxEntries) {
            counters.values().removeIf(counter -> counter.window() != window);
            if (counters.size() >= maxEntries) {
                counters.clear();
            }
        }
        long[] counts = new long[keys.size()];
        for (int i = 0; i < counts.length; i++) {
            Counter counter = counters.merge(
                    keys.get(i),
                    new Counter(window, 1),
                    (old, one) -> old.window() == window ? new Counter(window, old.count() + 1) : one);
            counts[i] = counter.count();
        }
        return counts;
    }

    int size() {
        return counters.size();
    }
}
