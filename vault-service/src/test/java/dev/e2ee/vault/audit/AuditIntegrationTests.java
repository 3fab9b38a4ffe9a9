package dev.e2ee.vault.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.e2ee.platform.redis.RedisKeys;
import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

class AuditIntegrationTests extends VaultIntegrationTest {

    @Autowired
    AuditChainSealer sealer;

    @Autowired
    AuthenticationFailureAudit authenticationFailures;

    @Test
    void operationsWhenPerformedThenRowsWithPrincipalRequestIdClientAndOutcome() {
        String subject = newSubject();
        String token = token(subject, Role.USER);
        HttpResponse<String> created = send(request("/api/v1/prompts", token)
                .header("Content-Type", "application/json")
                .header("X-Request-ID", "audit-req-" + subject)
                .POST(HttpRequest.BodyPublishers.ofString("{\"promptText\": \"audited\", \"secret\": \"pw\"}")));
        String id = (String) body(created).get("id");
        put("/api/v1/prompts/" + id, token, Map.of("promptText", "audited again", "version", 1));
        post("/api/v1/envelopes", token, Map.of("promptId", id, "secret", "pw"));
        post("/api/v1/envelopes", token, Map.of("promptId", id, "secret", "wrong"));
        delete("/api/v1/prompts/" + id, token);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT action, outcome, request_id, client_address, reason FROM audit_logs WHERE principal = ? ORDER BY id",
                subject);
        assertThat(rows)
                .extracting(r -> r.get("action") + ":" + r.get("outcome"))
                .containsExactly(
                        "prompt.create:success",
                        "prompt.update:success",
                        "envelope.create:success",
                        "envelope.create:failure",
                        "prompt.delete:success");
        assertThat(rows.get(0))
                .containsEntry("request_id", "audit-req-" + subject)
                .containsEntry("client_address", "127.0.0.1");
        assertThat(rows.get(3)).containsEntry("reason", "wrong_secret");

        HttpResponse<String> viaApi =
                get("/api/v1/audit-logs?principal=" + subject + "&outcome=failure", token(newSubject(), Role.AUDITOR));
        assertThat(viaApi.statusCode()).isEqualTo(200);
        assertThat(data(viaApi)).extracting(r -> r.get("action")).containsExactly("envelope.create");
        assertThat(get("/api/v1/audit-logs?outcome=maybe", adminToken()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void tokenExchangeWhenBootstrapKeyThenAuditRow() {
        String requestId = "token-" + UUID.randomUUID();
        send(request("/api/v1/auth/token", null)
                .header("X-API-Key", BOOTSTRAP_KEY)
                .header("X-Request-ID", requestId)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(jdbc.queryForList(
                        "SELECT action, outcome, principal FROM audit_logs WHERE request_id = ?", requestId))
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .containsEntry("action", "auth.token")
                        .containsEntry("outcome", "success")
                        .containsEntry("principal", "bootstrap-admin"));
    }

    @Test
    void authenticationFailureWhenBadTokenThenAuditRow() {
        authenticationFailures.flushAll();
        String requestId = "auth-fail-" + UUID.randomUUID();
        send(request("/api/v1/prompts", "not-a-token")
                .header("X-Request-ID", requestId)
                .GET());
        authenticationFailures.flushAll();

        assertThat(jdbc.queryForList(
                        "SELECT action, outcome, reason, details->>'count' AS count FROM audit_logs WHERE request_id = ?",
                        requestId))
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .containsEntry("action", "auth.failed")
                        .containsEntry("outcome", "failure")
                        .containsEntry("reason", "invalid_token")
                        .containsEntry("count", "1"));
    }

    @Test
    void auditStreamWhenEventConsumedThenEntryDeletedFromStream() {
        String eventId = UUID.randomUUID().toString();
        RecordId id = publishAuditEvent(processEvent(eventId));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(
                                redis.opsForStream().range(AUDIT_STREAM, Range.closed(id.getValue(), id.getValue())))
                        .as("acknowledged entry %s still in the stream", id)
                        .isEmpty());
        assertThat(auditRows(eventId)).isEqualTo(1);
    }

    @Test
    void auditStreamWhenRedisLostTheStreamAndGroupThenGroupRecreatedAndNewEventsRecorded() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> redis.hasKey(AUDIT_STREAM)
                        && !redis.opsForStream().groups(AUDIT_STREAM).isEmpty());
        redis.delete(AUDIT_STREAM);
        String eventId = UUID.randomUUID().toString();

        publishAuditEvent(processEvent(eventId));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(auditRows(eventId))
                        .as("event written after Redis lost the consumer group")
                        .isEqualTo(1));
    }

    @Test
    void trimmerWhenEntriesPendingOrUndeliveredThenKeepsThemAndDeletesOnlyAcknowledged() {
        String key = RedisKeys.AUDIT_STREAM + ":trim-" + UUID.randomUUID();
        AuditStreamTrimmer trimmer = new AuditStreamTrimmer(
                redis,
                new AuditStreamProperties(true, key, "vault", 100, Duration.ofMinutes(1), Duration.ofSeconds(1)));
        List<RecordId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(redis.opsForStream()
                    .add(StreamRecords.string(Map.of("event", "e" + i)).withStreamKey(key)));
        }
        redis.expire(key, Duration.ofHours(1));
        assertThat(trimmer.trimAcknowledged())
                .as("no group yet: nothing is known consumed")
                .isZero();
        redis.opsForStream().createGroup(key, ReadOffset.from("0"), "vault");
        redis.opsForStream()
                .read(
                        Consumer.from("vault", "c1"),
                        StreamReadOptions.empty().count(3),
                        StreamOffset.create(key, ReadOffset.lastConsumed()));
        redis.opsForStream().acknowledge(key, "vault", ids.get(0), ids.get(1));

        assertThat(trimmer.trimAcknowledged()).isEqualTo(2);
        assertThat(redis.opsForStream().range(key, Range.unbounded()))
                .extracting(MapRecord::getId)
                .containsExactly(ids.get(2), ids.get(3), ids.get(4));

        redis.opsForStream().acknowledge(key, "vault", ids.get(2));
        assertThat(trimmer.trimAcknowledged()).isEqualTo(1);
        assertThat(redis.opsForStream().range(key, Range.unbounded()))
                .extracting(MapRecord::getId)
                .containsExactly(ids.get(3), ids.get(4));
        redis.delete(key);
    }

    @Test
    void updateOrDeleteWhenAttemptedInDatabaseThenRefused() {
        createPrompt(userToken(), "row to protect", "pw");
        get("/api/v1/audit-logs/verify", adminToken());
        Long sealed = jdbc.queryForObject("SELECT max(audit_id) FROM audit_chain", Long.class);

        for (String statement : List.of(
                "UPDATE audit_logs SET action = 'forged' WHERE id = " + sealed,
                "UPDATE audit_chain SET hash = '\\x00' WHERE audit_id = " + sealed,
                "DELETE FROM audit_chain WHERE audit_id = " + sealed,
                "TRUNCATE audit_chain",
                "DELETE FROM audit_logs WHERE id = " + sealed,
                "TRUNCATE audit_logs CASCADE")) {
            assertThatThrownBy(() -> jdbc.execute(statement))
                    .as(statement)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void rowCommittedLongAfterItsIdWasTakenWhenBelowTheLookbackThenSealedByTheSweep() {
        long late = takeIdThenInsertMoreRowsThanTheLookback();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    sealer.sealScheduled();
                    return unsealedAbove(late) == 0;
                });
        // Every recent pass now starts above it: only the sweep over older ids can find it.
        jdbc.update(
                "INSERT INTO audit_logs (id, event_id, occurred_at, action, outcome, source)"
                        + " VALUES (?, gen_random_uuid(), now(), 'test.late', 'success', 'test')",
                late);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    sealer.sealScheduled();
                    return jdbc.queryForObject("SELECT count(*) FROM audit_chain WHERE audit_id = ?", Long.class, late)
                            == 1;
                });
        assertThat(body(get("/api/v1/audit-logs/verify", adminToken()))).containsEntry("valid", true);
    }

    @Test
    void sealAllWhenARowCommittedBelowTheLookbackThenSealedWithoutWaitingForTheSweep() {
        long late = takeIdThenInsertMoreRowsThanTheLookback();
        sealer.sealAll(); // the scheduled sealer may seal some of them first: assert the state, not the count
        assertThat(unsealedAbove(late)).isZero();
        jdbc.update(
                "INSERT INTO audit_logs (id, event_id, occurred_at, action, outcome, source)"
                        + " VALUES (?, gen_random_uuid(), now(), 'test.late', 'success', 'test')",
                late);

        sealer.sealAll();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_chain WHERE audit_id = ?", Long.class, late))
                .isEqualTo(1);
        assertThat(body(get("/api/v1/audit-logs/verify", adminToken()))).containsEntry("valid", true);
    }

    @Test
    void verifyWhenRowAlteredWithTriggerDisabledThenFirstBrokenIdReported() {
        String token = userToken();
        String promptId = createPrompt(token, "tamper evidence", "pw");
        String admin = adminToken();
        assertThat(body(get("/api/v1/audit-logs/verify", admin)))
                .containsEntry("valid", true)
                .containsEntry("firstBrokenId", null);
        Long rowId = jdbc.queryForObject(
                "SELECT id FROM audit_logs WHERE action = 'prompt.create' AND resource_id = ?", Long.class, promptId);
        try {
            alter("UPDATE audit_logs SET outcome = 'failure' WHERE id = " + rowId);

            Map<String, Object> report = body(get("/api/v1/audit-logs/verify", admin));

            assertThat(report).containsEntry("valid", false);
            assertThat(((Number) report.get("firstBrokenId")).longValue()).isEqualTo(rowId);
        } finally {
            alter("UPDATE audit_logs SET outcome = 'success' WHERE id = " + rowId);
        }
        assertThat(body(get("/api/v1/audit-logs/verify", admin))).containsEntry("valid", true);
    }

    @Test
    void streamEventWhenDeliveredTwiceThenRecordedOnceAndEnvelopeDecrypted() {
        String token = userToken();
        String promptId = createPrompt(token, "to be opened", "pw");
        String envelopeId = createEnvelope(token, promptId, "pw");
        Map<String, Object> event = streamEvent("envelope.decrypt", "prompt-user", "success");
        UUID eventId = UUID.fromString((String) event.get("eventId"));
        event.put("envelopeId", envelopeId);
        event.put("promptId", promptId);
        event.put("requestId", "prs-" + eventId);
        event.put("clientAddress", "10.0.0.7");
        String payload = json.writeValueAsString(event);

        RecordId first = publishAuditEvent(payload);
        RecordId second = publishAuditEvent(payload);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(lastDelivered())
                        .satisfies(last -> assertThat(compare(last, second)).isGreaterThanOrEqualTo(0)));
        awaitAcknowledged(first, second);
        assertThat(auditRows(eventId)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM envelope_decryptions WHERE event_id = ?", Long.class, eventId))
                .isEqualTo(1);
        assertThat(body(get("/api/v1/envelopes/" + envelopeId, token)))
                .containsEntry("status", "decrypted")
                .containsKey("decryptedAt");
    }

    private RecordId add(String payload) {
        return addEntry(redis, payload);
    }

    /** Adds one entry, authenticated like the prompt-response service's, to this JVM's audit stream. */
    static RecordId addEntry(StringRedisTemplate redis, String payload) {
        return addStreamEntry(redis, streamEntry(payload));
    }

    /** A {@code prompt.process} event as the prompt-response service writes it. */
    private String processEvent(String eventId) {
        Map<String, Object> event = streamEvent("prompt.process", "prompt-user", "success");
        event.put("eventId", eventId);
        return json.writeValueAsString(event);
    }

    /** Takes an audit id without using it, then inserts more rows after it than the sealer looks back. */
    private long takeIdThenInsertMoreRowsThanTheLookback() {
        long late = jdbc.queryForObject("SELECT nextval('audit_logs_id_seq')", Long.class);
        jdbc.update(
                "INSERT INTO audit_logs (event_id, occurred_at, action, outcome, source)"
                        + " SELECT gen_random_uuid(), now(), 'test.after', 'success', 'test'"
                        + " FROM generate_series(1, ?)",
                (int) AuditChainSealer.LATE_COMMIT_LOOKBACK + 100);
        return late;
    }

    private String lastDelivered() {
        return redis.opsForStream().groups(AUDIT_STREAM).stream()
                .filter(g -> "vault".equals(g.groupName()))
                .map(g -> g.lastDeliveredId())
                .findFirst()
                .orElse("0-0");
    }

    private static int compare(String streamId, RecordId other) {
        String[] a = streamId.split("-");
        int byTime = Long.compare(Long.parseLong(a[0]), other.getTimestamp());
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(a[1]), other.getSequence());
    }

    private void alter(String statement) {
        jdbc.execute("ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_append_only");
        try {
            jdbc.execute(statement);
        } finally {
            jdbc.execute("ALTER TABLE audit_logs ENABLE TRIGGER audit_logs_append_only");
        }
    }

    private long unsealedAbove(long id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs a WHERE a.id > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id)",
                Long.class,
                id);
    }
}
