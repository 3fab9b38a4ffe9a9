package dev.e2ee.vault.audit;

import dev.e2ee.platform.security.AuditStreamMac;
import dev.e2ee.platform.tracing.StreamTraceContext;
import dev.e2ee.platform.web.RequestContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records entries of {@code e2ee:audit:events} (their {@code event} field) as audit rows, a batch in one transaction:
 * one commit per batch rather than per event, which is what bounds the consumer's rate. Each entry is recorded in a
 * span continuing the trace of its {@code traceparent} field, with the event's request id in the MDC. An entry that
 * cannot be recorded because of what it holds is rejected: its {@code mac} field does not authenticate its event and
 * trace context ({@code unauthenticated}, {@link AuditStreamMac}: written or changed by someone who can write to Redis
 * but does not hold the services' shared key), not JSON or not a valid event ({@code malformed}), or
 * refused by the database ({@code refused}: a value PostgreSQL cannot store, such as a NUL character or a timestamp
 * outside its range, which Spring reports as a {@link DataIntegrityViolationException}; it rolls its batch back, and
 * the batch is then recorded entry by entry, each in its own transaction, so only that entry is lost). A rejected
 * entry is counted in {@code audit_stream_rejected_total{reason}} and logged with its stream id and the kind of
 * failure only, never its content (whoever can write to Redis chose it); the consumer then acknowledges it like any
 * other entry, so it cannot stall the entries behind it. A failure of the database itself (no connection, a timeout)
 * is not the entry's fault: it propagates, and the batch stays pending until a later poll records it.
 */
@Component
class AuditStreamEntries {

    static final String REJECTED = "audit.stream.rejected";

    private static final Logger log = LoggerFactory.getLogger(AuditStreamEntries.class);

    private final AuditEventRecorder recorder;
    private final TransactionTemplate transactions;
    private final StreamTraceContext traces;
    private final JsonMapper json;
    private final AuditStreamMac mac;
    private final Counter unauthenticated;
    private final Counter malformed;
    private final Counter refused;

    AuditStreamEntries(
            AuditEventRecorder recorder,
            TransactionTemplate transactions,
            StreamTraceContext traces,
            JsonMapper json,
            AuditStreamMac mac,
            MeterRegistry registry) {
        this.recorder = recorder;
        this.transactions = transactions;
        this.traces = traces;
        this.json = json;
        this.mac = mac;
        this.unauthenticated = rejected(registry, "unauthenticated");
        this.malformed = rejected(registry, "malformed");
        this.refused = rejected(registry, "refused");
    }

    private static Counter rejected(MeterRegistry registry, String reason) {
        return Counter.builder(REJECTED)
                .description("Audit stream entries dropped (acknowledged, not recorded) because of their content")
                .tag("reason", reason)
                .register(registry);
    }

    /** Records the stream entries {@code batch} (read, not yet acknowledged), or rejects them (see above). */
    void recordAll(List<MapRecord<String, Object, Object>> batch) {
        List<Entry> events = new ArrayList<>(batch.size());
        for (MapRecord<String, Object, Object> record : batch) {
            Map<String, String> fields = new HashMap<>();
            record.getValue().forEach((key, value) -> fields.put(String.valueOf(key), String.valueOf(value)));
            if (!mac.verifies(
                    fields.get("event"),
                    fields.get(StreamTraceContext.TRACEPARENT),
                    fields.get(AuditStreamMac.FIELD))) {
                unauthenticated.increment();
                log.warn("audit stream: dropped entry {} without a valid MAC", record.getId());
                continue;
            }
            AuditStreamEvent event = parse(fields.get("event"));
            if (event == null || !event.valid()) {
                malformed.increment();
                log.warn("audit stream: dropped malformed entry {}", record.getId());
            } else {
                events.add(new Entry(record.getId(), fields, event));
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> events.forEach(this::record));
        } catch (DataIntegrityViolationException e) {
            events.forEach(this::recordAlone);
        }
    }

    private void recordAlone(Entry entry) {
        try {
            transactions.executeWithoutResult(status -> record(entry));
        } catch (DataIntegrityViolationException e) {
            refused.increment();
            log.warn("audit stream: dropped entry {} the database refused (SQLState {})", entry.id(), sqlState(e));
        }
    }

    private void record(Entry entry) {
        AuditStreamEvent event = entry.event();
        try (StreamTraceContext.Scope span = traces.continueFrom("audit consume", entry.fields())) {
            if (event.requestId() != null) {
                MDC.put(RequestContext.MDC_KEY, event.requestId());
            }
            if (recorder.record(event)) {
                log.debug("audit stream: recorded {} {} event {}", event.type(), event.outcome(), event.eventId());
            } else {
                log.debug("audit stream: event {} already recorded", event.eventId());
            }
        } finally {
            MDC.remove(RequestContext.MDC_KEY);
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

    private record Entry(RecordId id, Map<String, String> fields, AuditStreamEvent event) {}
}
