package dev.e2ee.prs.cache;

import dev.e2ee.crypto.KeyedHasher;
import dev.e2ee.prs.storage.EncryptedValues;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Cached responses for identical (owner, prompt text, options, model): the Redis key is
 * {@code e2ee:cache:<hex HMAC(PAE(domain, owner, text, options, model))>} under a key derived from the KEK, so equal
 * prompts are recognisable only with the server key, and only within one principal's cache: another user sending
 * the same text never gets a hit (no oracle on other users' prompts). The value is sealed with the owner in its
 * associated data. A Redis failure is a cache miss.
 */
@Service
public class ResponseCache {

    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);
    private static final String DOMAIN = "e2ee-prs-response-cache-v2";

    private final StringRedisTemplate redis;
    private final EncryptedValues values;
    private final KeyedHasher hasher;
    private final CacheProperties properties;

    ResponseCache(StringRedisTemplate redis, EncryptedValues values, KeyedHasher hasher, CacheProperties properties) {
        this.redis = redis;
        this.values = values;
        this.hasher = hasher;
        this.properties = properties;
    }

    /** The cached response document for this entry, if any. */
    public Optional<String> get(CacheEntry entry) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        String id = id(entry);
        try {
            String sealed = redis.opsForValue().get(key(id));
            if (sealed == null) {
                return Optional.empty();
            }
            return Optional.of(new String(values.open("cache", id, entry.owner(), sealed), StandardCharsets.UTF_8));
        } catch (DataAccessException | EncryptedValues.CorruptValueException e) {
            log.warn(
                    "Response cache read failed, treated as a miss: {}",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    static String key(String id) {
        return "e2ee:cache:" + id;
    }

    public void put(CacheEntry entry, String document) {
        if (!properties.enabled()) {
            return;
        }
        String id = id(entry);
        String sealed = values.seal("cache", id, entry.owner(), document.getBytes(StandardCharsets.UTF_8));
        try {
            redis.opsForValue().set(key(id), sealed, properties.ttl());
        } catch (DataAccessException e) {
            log.warn("Response cache write failed: {}", e.getClass().getSimpleName());
        }
    }

    private String id(CacheEntry entry) {
        return HexFormat.of()
                .formatHex(hasher.hash(DOMAIN, entry.owner(), entry.promptText(), entry.options(), entry.model()));
    }

    /** What identifies a cached response; {@code toString} never prints the text. */
    public record CacheEntry(String owner, String promptText, String options, String model) {

        @Override
        public String toString() {
            return "CacheEntry[model=" + model + "]";
        }
    }
}
