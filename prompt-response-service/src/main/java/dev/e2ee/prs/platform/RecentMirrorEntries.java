package dev.e2ee.prs.platform;

import dev.e2ee.platform.security.ApiKeyMirrorEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mirror entries (by key id) verified in the last {@link #MAX_AGE} (never past their {@code notAfter}), so a busy
 * token minted from an API key costs one Redis read and one HMAC per {@code MAX_AGE} and instance, and a revocation
 * reaches this instance's tokens within {@code MAX_AGE}. Only verified entries are kept (unknown keys are never cached); bounded by {@link #MAX_ENTRIES}.
 */
final class RecentMirrorEntries {

    static final Duration MAX_AGE = Duration.ofSeconds(2);
    static final int MAX_ENTRIES = 10_000;

    private record Held(ApiKeyMirrorEntry entry, long untilMillis) {}

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;

    RecentMirrorEntries(Clock clock) {
        this.clock = clock;
    }

    Optional<ApiKeyMirrorEntry> get(String redisKey) {
        Held found = held.get(redisKey);
        if (found == null) {
            return Optional.empty();
        }
        if (found.untilMillis() <= clock.millis()) {
            held.remove(redisKey, found);
            return Optional.empty();
        }
        return Optional.of(found.entry());
    }

    void put(String redisKey, ApiKeyMirrorEntry entry) {
        if (held.size() >= MAX_ENTRIES) {
            held.clear();
        }
        long until = Math.min(clock.millis() + MAX_AGE.toMillis(), entry.notAfter() * 1000);
        held.put(redisKey, new Held(entry, until));
    }
}
