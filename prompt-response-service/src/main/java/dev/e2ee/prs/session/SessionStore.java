package dev.e2ee.prs.session;

import dev.e2ee.prs.storage.EncryptedValues;
import dev.e2ee.prs.storage.StorageUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions in Redis, sealed with the KEK-wrapped per-value key, with a sliding TTL. A session is visible to its
 * owner only: for anyone else it does not exist (404). Concurrent appends to one session are last-writer-wins.
 */
@Service
public class SessionStore {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

    private final StringRedisTemplate redis;
    private final EncryptedValues values;
    private final JsonMapper json;
    private final SessionProperties properties;
    private final Clock clock;

    SessionStore(
            StringRedisTemplate redis,
            EncryptedValues values,
            JsonMapper json,
            SessionProperties properties,
            Clock clock) {
        this.redis = redis;
        this.values = values;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    static String key(UUID id) {
        return "e2ee:session:{" + id + "}";
    }

    Session create(String owner) {
        Session session = new Session(UUID.randomUUID(), owner, now(), List.of());
        save(session);
        return session;
    }

    /** The owner's session (its TTL slides), or a 404 problem. */
    public Session require(UUID id, String owner) {
        Session session = load(id, owner).orElseThrow(SessionNotFoundException::new);
        touch(id);
        return session;
    }

    /** Appends a turn to the owner's session (keeping the newest {@code maxTurns}). */
    public Session append(UUID id, String owner, String prompt, String response) {
        Session session = load(id, owner).orElseThrow(SessionNotFoundException::new);
        Session next = session.append(new Session.SessionTurn(prompt, response, now()), properties.maxTurns());
        save(next);
        return next;
    }

    void delete(UUID id, String owner) {
        load(id, owner).orElseThrow(SessionNotFoundException::new);
        StorageUnavailableException.guard(() -> redis.delete(key(id)));
    }

    Instant expiresAt() {
        return now().plus(properties.ttl());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The session if it opens for {@code owner} (sealed with the owner in the associated data) and is theirs. */
    private Optional<Session> load(UUID id, String owner) {
        String sealed =
                StorageUnavailableException.guard(() -> redis.opsForValue().get(key(id)));
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(values.open("session", id.toString(), owner, sealed), Session.class))
                    .filter(s -> s.owner().equals(owner));
        } catch (EncryptedValues.CorruptValueException e) {
            log.debug("Session {} does not open for this caller; treated as missing", id);
            return Optional.empty();
        }
    }

    private void save(Session session) {
        String sealed =
                values.seal("session", session.id().toString(), session.owner(), json.writeValueAsBytes(session));
        StorageUnavailableException.guard(() -> {
            redis.opsForValue().set(key(session.id()), sealed, properties.ttl());
            return null;
        });
    }

    private void touch(UUID id) {
        StorageUnavailableException.guard(() -> redis.expire(key(id), properties.ttl()));
    }
}
