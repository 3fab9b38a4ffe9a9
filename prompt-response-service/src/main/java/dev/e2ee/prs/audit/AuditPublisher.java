package dev.e2ee.prs.audit;

import dev.e2ee.platform.security.AuditStreamMac;
import dev.e2ee.platform.tracing.StreamTraceContext;
import dev.e2ee.platform.web.RequestContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes audit events to the Redis stream the vault consumes (field {@code event}, JSON). Fails closed: when
 * the event cannot be written, or the stream already holds {@code e2ee.audit.max-backlog} entries the vault has not
 * consumed, the caller gets {@link AuditUnavailableException} (503) and must not complete the operation. Entries
 * are never trimmed here (the vault deletes what it has acknowledged), so no event is dropped. With tracing on the
 * entry also holds the current {@code traceparent} (field of the stream entry, next to {@code event}), so the
 * vault's consumption of the event continues the trace of the request that caused it. The entry's field {@code mac}
 * authenticates both ({@link AuditStreamMac}): the vault records no entry a Redis writer made or changed.
 */
@Component
public class AuditPublisher {

    private static final Logger log = LoggerFactory.getLogger(AuditPublisher.class);

    /**
     * KEYS[1] stream; ARGV: max backlog, event JSON, the vault's consumer group, traceparent ('' = none), MAC ('' =
     * none). Creates a missing stream together with the group (Redis came back empty). The entry id, or nil (nothing
     * written) at the backlog limit.
     */
    private static final RedisScript<String> ADD_WITHIN_BACKLOG = RedisScript.of(
            "if redis.call('EXISTS', KEYS[1]) == 0 then"
                    + " redis.call('XGROUP', 'CREATE', KEYS[1], ARGV[3], '0', 'MKSTREAM') end"
                    + " if redis.call('XLEN', KEYS[1]) >= tonumber(ARGV[1]) then return false end"
                    + " local fields = {'event', ARGV[2]}"
                    + " if ARGV[4] ~= '' then table.insert(fields, 'traceparent'); table.insert(fields, ARGV[4]) end"
                    + " if ARGV[5] ~= '' then table.insert(fields, 'mac'); table.insert(fields, ARGV[5]) end"
                    + " return redis.call('XADD', KEYS[1], '*', unpack(fields))",
            String.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final AuditProperties properties;
    private final StreamTraceContext traces;
    private final AuditStreamMac mac;

    AuditPublisher(
            StringRedisTemplate redis,
            JsonMapper json,
            AuditProperties properties,
            StreamTraceContext traces,
            AuditStreamMac mac) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.traces = traces;
        this.mac = mac;
    }

    /** Publishes the event, filling request id and client address from the current request when absent. */
    public void publish(AuditEvent event) {
        AuditEvent complete = event;
        if (event.requestId() == null) {
            RequestContext context = RequestContext.current();
            String requestId = context.requestId() != null ? context.requestId() : MDC.get(RequestContext.MDC_KEY);
            complete = event.withRequest(requestId, context.clientAddress());
        }
        append(complete);
        log.debug("Audit event {} {} {}", complete.type(), complete.outcome(), complete.eventId());
    }

    private void append(AuditEvent complete) {
        String payload = json.writeValueAsString(complete);
        String traceparent = traces.current().getOrDefault(StreamTraceContext.TRACEPARENT, "");
        String id;
        try {
            id = redis.execute(
                    ADD_WITHIN_BACKLOG,
                    List.of(properties.stream()),
                    Long.toString(properties.maxBacklog()),
                    payload,
                    properties.consumerGroup(),
                    traceparent,
                    mac.sign(payload, traceparent));
        } catch (DataAccessException e) {
            log.error(
                    "Audit event {} ({}) could not be written: {}", complete.eventId(), complete.type(), e.toString());
            throw new AuditUnavailableException(e);
        }
        if (id == null) {
            log.error(
                    "Audit event {} ({}) not written: {} unconsumed entries or more in the audit stream",
                    complete.eventId(),
                    complete.type(),
                    properties.maxBacklog());
            throw new AuditUnavailableException(new IllegalStateException("audit stream backlog at its limit"));
        }
    }
}
