package dev.e2ee.vault.atrest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.SecretVerifier;
import dev.e2ee.crypto.StrictBase64;
import dev.e2ee.crypto.atrest.AtRestEncryptor;
import dev.e2ee.crypto.atrest.ConfiguredKeyEncryptionKeys;
import dev.e2ee.crypto.atrest.EncryptedRecord;
import dev.e2ee.crypto.atrest.LegacyRecords;
import dev.e2ee.crypto.atrest.RecordContext;
import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class AtRestIntegrationTests extends VaultIntegrationTest {

    @Test
    void dumpWhenApiFlowsRanThenNoPromptTextSecretOrApiKeyInAnyColumn() {
        String text = "PlaintextMarker" + random() + " quarterly figures";
        String newText = "SecondMarker" + random() + " revised figures";
        String secret = "SecretMarker" + random();
        String admin = bootstrapToken();
        HttpResponse<String> keyResponse =
                post("/api/v1/api-keys", admin, Map.of("name", "dump", "roles", List.of("user")));
        String apiKey = (String) body(keyResponse).get("key");
        String user = (String) body(send(request("/api/v1/auth/token", null)
                        .header("X-API-Key", apiKey)
                        .POST(HttpRequest.BodyPublishers.noBody())))
                .get("accessToken");
        String id = createPrompt(user, text, secret);
        assertThat(put("/api/v1/prompts/" + id, user, Map.of("promptText", newText, "version", 1))
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/api/v1/envelopes", user, Map.of("promptId", id, "secret", secret))
                        .statusCode())
                .isEqualTo(201);
        assertThat(post("/api/v1/envelopes", user, Map.of("promptId", id, "secret", secret + "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/prompts/" + id + "/versions", user).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/prompts?search=quarterly", user).statusCode()).isEqualTo(200);
        get("/api/v1/audit-logs/verify", admin);

        assertThat(delete("/api/v1/api-keys/" + body(keyResponse).get("id"), admin)
                        .statusCode())
                .isEqualTo(204);
        List<String> forbidden = new ArrayList<>();
        for (String value : List.of(text, newText, secret, apiKey, text.split(" ")[0], newText.split(" ")[0])) {
            forbidden.addAll(encodings(value));
        }
        List<byte[]> dump = dumpDatabase();
        assertThat(dump).isNotEmpty();
        for (byte[] cell : dump) {
            String asText = new String(cell, StandardCharsets.ISO_8859_1);
            String asHex = HexFormat.of().formatHex(cell);
            for (String needle : forbidden) {
                assertThat(asText).doesNotContain(needle);
                assertThat(asHex).doesNotContain(needle.toLowerCase());
            }
        }
    }

    @Test
    void kekRotationWhenRewrapThenRowsMoveToCurrentKekAndStayReadable() {
        String subject = newSubject();
        String token = token(subject, Role.USER);
        UUID id = insertPromptUnderOldKek(subject, "written before the KEK rotation", "pw");
        String currentKekId = ConfiguredKeyEncryptionKeys.keyId(StrictBase64.decode(KEYS.currentKek));
        assertThat(kekOf(id)).isNotEqualTo(currentKekId);
        assertThat(body(get("/api/v1/prompts/" + id, token)))
                .containsEntry("promptText", "written before the KEK rotation");

        HttpResponse<String> rewrap =
                post("/api/v1/keys/kek/rewrap?batchSize=50&maxBatches=100", adminToken(), Map.of());

        assertThat(rewrap.statusCode()).isEqualTo(200);
        assertThat(body(rewrap))
                .containsEntry("remaining", 0)
                .containsEntry("currentKekId", currentKekId)
                .containsEntry("complete", true);
        assertThat(((Number) body(rewrap).get("processed")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(rewrap.body()).doesNotContain("written before");
        assertThat(kekOf(id)).isEqualTo(currentKekId);
        AtRestEncryptor currentOnly =
                AtRestEncryptor.create(ConfiguredKeyEncryptionKeys.fromConfig(KEYS.currentKek), CryptoProvider.jdk());
        byte[] stored = jdbc.queryForObject("SELECT encrypted_text FROM prompts WHERE id = ?", byte[].class, id);
        assertThat(new String(
                        currentOnly.decrypt(
                                EncryptedRecord.fromBytes(stored), new RecordContext("prompts", id.toString(), 1)),
                        StandardCharsets.UTF_8))
                .isEqualTo("written before the KEK rotation");
        assertThat(body(get("/api/v1/prompts/" + id, token)))
                .containsEntry("promptText", "written before the KEK rotation");
        assertThat(post("/api/v1/envelopes", token, Map.of("promptId", id.toString(), "secret", "pw"))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void kekRewrapWhenRowsHaveFormat1GcmWrapsThenMovedToAesKeyWrapAndStillReadable() {
        String subject = newSubject();
        String token = token(subject, Role.USER);
        byte[] kek = StrictBase64.decode(KEYS.currentKek);
        UUID id = insertPrompt(
                subject,
                "wrapped the old way",
                "pw",
                (plaintext, context) -> LegacyRecords.of(kek, plaintext, context));
        assertThat(kekOf(id)).isEqualTo(ConfiguredKeyEncryptionKeys.legacyKeyId(kek));
        assertThat(body(get("/api/v1/prompts/" + id, token))).containsEntry("promptText", "wrapped the old way");

        HttpResponse<String> rewrap =
                post("/api/v1/keys/kek/rewrap?batchSize=50&maxBatches=100", adminToken(), Map.of());

        assertThat(body(rewrap)).containsEntry("remaining", 0).containsEntry("complete", true);
        assertThat(kekOf(id)).isEqualTo(ConfiguredKeyEncryptionKeys.keyId(kek));
        byte[] stored = jdbc.queryForObject("SELECT encrypted_text FROM prompts WHERE id = ?", byte[].class, id);
        assertThat(EncryptedRecord.fromBytes(stored).wrappedDek()).hasSize(40);
        assertThat(body(get("/api/v1/prompts/" + id, token))).containsEntry("promptText", "wrapped the old way");
        assertThat(post("/api/v1/envelopes", token, Map.of("promptId", id.toString(), "secret", "pw"))
                        .statusCode())
                .isEqualTo(201);
    }

    private UUID insertPromptUnderOldKek(String owner, String text, String secret) {
        AtRestEncryptor old =
                AtRestEncryptor.create(ConfiguredKeyEncryptionKeys.fromConfig(KEYS.oldKek), CryptoProvider.jdk());
        return insertPrompt(owner, text, secret, old::encrypt);
    }

    private UUID insertPrompt(
            String owner, String text, String secret, BiFunction<byte[], RecordContext, EncryptedRecord> encrypt) {
        UUID id = UUID.randomUUID();
        UUID versionId = UUID.randomUUID();
        EncryptedRecord prompt =
                encrypt.apply(text.getBytes(StandardCharsets.UTF_8), new RecordContext("prompts", id.toString(), 1));
        EncryptedRecord version = encrypt.apply(
                text.getBytes(StandardCharsets.UTF_8), new RecordContext("prompt_versions", versionId.toString(), 1));
        byte[] verifier =
                SecretVerifier.create(StrictBase64.decode(KEYS.pepper)).verifier(id, secret);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO prompts (id, owner, status, version, encrypted_text, kek_id, secret_verifier, metadata, created_at, updated_at)"
                        + " VALUES (?, ?, 'active', 1, ?, ?, ?, '{}'::jsonb, ?, ?)",
                id,
                owner,
                prompt.toBytes(),
                prompt.kekId(),
                verifier,
                now,
                now);
        jdbc.update(
                "INSERT INTO prompt_versions (id, prompt_id, version, encrypted_text, kek_id, metadata, created_by, created_at)"
                        + " VALUES (?, ?, 1, ?, ?, '{}'::jsonb, ?, ?)",
                versionId,
                id,
                version.toBytes(),
                version.kekId(),
                owner,
                now);
        return id;
    }

    private String kekOf(UUID id) {
        return jdbc.queryForObject("SELECT kek_id FROM prompts WHERE id = ?", String.class, id);
    }

    /** Every text, varchar, bytea, json and jsonb cell of every table in the schema, as bytes. */
    private List<byte[]> dumpDatabase() {
        List<byte[]> cells = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')""");
        for (Map<String, Object> column : columns) {
            String select = "SELECT \"" + column.get("column_name") + "\""
                    + ("bytea".equals(column.get("data_type")) ? "" : "::text") + " FROM \"" + column.get("table_name")
                    + "\"";
            jdbc.query(select, rs -> {
                byte[] value = rs.getBytes(1);
                if (value != null) {
                    cells.add(value);
                }
            });
        }
        return cells;
    }

    /** The value itself and its hex and base64 forms (all three base64 alignments, padding-free core). */
    private static List<String> encodings(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>(List.of(value, HexFormat.of().formatHex(bytes)));
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[bytes.length + shift];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            String standard = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            int skip = shift == 0 ? 0 : 4;
            String core = standard.substring(skip, standard.length() - 4);
            forms.add(core);
            forms.add(core.replace('+', '-').replace('/', '_'));
        }
        return forms;
    }

    private String bootstrapToken() {
        return (String) body(send(request("/api/v1/auth/token", null)
                        .header("X-API-Key", BOOTSTRAP_KEY)
                        .POST(HttpRequest.BodyPublishers.noBody())))
                .get("accessToken");
    }
}
