package dev.e2ee.vault.audit;

import dev.e2ee.platform.web.RequestContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records one entry of {@code e2ee:audit:events} (its {@code event} field) as an audit row. An entry that cannot be
 * recorded because of what it holds is rejected: not JSON or not a valid event ({@code malformed}), or refused by the
 * database ({@code refused}: a value PostgreSQL cannot store, such as a NUL character or a timestamp outside its range,
 * which Spring reports as a {@link DataIntegrityViolationException}). A rejected entry is counted in
 * {@code audit_stream_rejected_total{reason}} and logged with its stream id and the kind of failure only, never its
 * content (whoever can write to Redis chose it); the consumer then acknowledges it like any other entry, so it cannot
 * stall the entries behind it. A failure of the database itself (no connection, a timeout) is not the entry's fault:
 * it propagates, and the entry stays pending until a later poll records it.
 */
@Component
class AuditStreamEntries {

    static final String REJECTED = "audit.stream.rejected";

    private static final Logger log = LoggerFactory.getLogger(AuditStreamEntries.class);

    private final AuditEventRecorder recorder;
    private final JsonMapper json;
    private final Counter malformed;
    private final Counter refused;

    AuditStreamEntries(AuditEventRecorder recorder, JsonMapper json, MeterRegistry registry) {
        this.recorder = recorder;
        this.json = json;
        this.malformed = rejected(registry, "malformed");
        this.refused = rejected(registry, "refused");
    }

    private static Counter rejected(MeterRegistry registry, String reason) {
        return Counter.builder(REJECTED)
                .description("Audit stream entries dropped (acknowledged, not recorded) because of their content")
                .tag("reason", reason)
                .register(registry);
    }

    /** Records the entry {@code id} whose {@code event} field is {@code raw}, or rejects it (see above). */
    void record(RecordId id, String raw) {
        AuditStreamEvent event = parse(raw);
        if (event == null || !event.valid()) {
            malformed.increment();
            log.warn("audit stream: dropped malformed entry {}", id);
            return;
        }
        if (event.requestId() != null) {
            MDC.put(RequestContext.MDC_KEY, event.requestId());
        }
        try {
            if (recorder.record(event)) {
                log.debug("audit stream: recorded {} {} event {}", event.type(), event.outcome(), event.eventId());
            } else {
                log.debug("audit stream: event {} already recorded", event.eventId());
            }
        } catch (DataIntegrityViolationException e) {
            refused.increment();
            log.warn("audit stream: dropped entry {} the database refused (SQLState {})", id, sqlState(e));
        }
    }

    private AuditStreamEvent parse(String raw) {
        try {
            return raw == null ? null : json.readValue(raw, AuditStreamEvent.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The SQLState only: PostgreSQL's message may quote the refused value. */
    private static String sqlState(DataIntegrityViolationException e) {
        return e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : "unknown";
    }
}
