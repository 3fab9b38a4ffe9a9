package dev.e2ee.prs.audit;

import dev.e2ee.platform.web.RequestContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes audit events to the Redis stream the vault consumes (field {@code event}, JSON). Fails closed: when
 * the event cannot be written the caller gets {@link AuditUnavailableException} (503) and must not complete
 * the operation.
 */
@Component
public class AuditPublisher {

    private static final Logger log = LoggerFactory.getLogger(AuditPublisher.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final AuditProperties properties;

    AuditPublisher(StringRedisTemplate redis, JsonMapper json, AuditProperties properties) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
    }

    /** Publishes the event, filling request id and client address from the current request when absent. */
    public void publish(AuditEvent event) {
        AuditEvent complete = event;
        if (event.requestId() == null) {
            RequestContext context = RequestContext.current();
            String requestId = context.requestId() != null ? context.requestId() : MDC.get(RequestContext.MDC_KEY);
            complete = event.withRequest(requestId, context.clientAddress());
        }
        String payload = json.writeValueAsString(complete);
        try {
            redis.opsForStream()
                    .add(
                            StreamRecords.string(Map.of("event", payload)).withStreamKey(properties.stream()),
                            XAddOptions.maxlen(properties.maxLength()).approximateTrimming(true));
        } catch (DataAccessException e) {
            log.error(
                    "Audit event {} ({}) could not be written: {}", complete.eventId(), complete.type(), e.toString());
            throw new AuditUnavailableException(e);
        }
        log.debug("Audit event {} {} {}", complete.type(), complete.outcome(), complete.eventId());
    }
}
