package dev.e2ee.platform.metrics;

import java.time.Duration;

/**
 * The latency targets of docs/performance.md (p95 of envelope creation and opening under 100 ms, of any API
 * call under 200 ms) as extra histogram buckets, so the alerts on them compare against exact bucket bounds.
 */
public final class LatencyTargets {

    private LatencyTargets() {}

    /** 100 ms and 200 ms, added to every latency histogram next to Micrometer's default buckets. */
    public static Duration[] buckets() {
        return new Duration[] {Duration.ofMillis(100), Duration.ofMillis(200)};
    }
}
