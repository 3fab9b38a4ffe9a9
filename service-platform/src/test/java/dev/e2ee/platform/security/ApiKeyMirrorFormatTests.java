package dev.e2ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiKeyMirrorFormatTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static ApiKeyMirrorFormat format(String secret) {
        return ApiKeyMirrorFormat.forSecret(secret, JSON);
    }

    private static ApiKeyMirrorEntry entry(long notAfter) {
        return ApiKeyMirrorEntry.unsigned("id-1", "alice", List.of("user"), "ab".repeat(32), notAfter);
    }

    @Test
    void mirrorEntryWhenEncodedThenDecodesOnlyUnderTheSameSecretAndBeforeNotAfter() {
        ApiKeyMirrorFormat format = format("a-jwt-secret-of-at-least-32-bytes-0123456789");
        String stored = format.encode(entry(NOW.getEpochSecond() + 60));

        assertThat(format.decode(stored, NOW))
                .hasValueSatisfying(e -> assertThat(e.owner()).isEqualTo("alice"));
        assertThat(format("another-jwt-secret-of-at-least-32-bytes-012345").decode(stored, NOW))
                .isEmpty();
        assertThat(format.decode(stored, NOW.plusSeconds(60))).isEmpty();
        assertThat(format.decode(stored, NOW.plusSeconds(59))).isPresent();
    }

    @Test
    void mirrorEntryWhenAnyFieldAlteredThenRefused() {
        ApiKeyMirrorFormat format = format("a-jwt-secret-of-at-least-32-bytes-0123456789");
        long notAfter = NOW.getEpochSecond() + 60;
        String stored = format.encode(entry(notAfter));

        List<String> tampered = List.of(
                stored.replace("\"alice\"", "\"bob\""),
                stored.replace("[\"user\"]", "[\"admin\"]"),
                stored.replace("\"id-1\"", "\"id-2\""),
                stored.replace("ab".repeat(32), "cd".repeat(32)),
                stored.replace(Long.toString(notAfter), Long.toString(notAfter + 3600)),
                stored.replaceAll("\"mac\":\"[^\"]*\"", "\"mac\":\"AAAA\""),
                stored.replaceAll(",\"mac\":\"[^\"]*\"", ""),
                "{\"id\":\"id-1\",\"owner\":\"alice\",\"roles\":[\"user\"],\"revoked\":false}",
                "not json");
        tampered.forEach(
                value -> assertThat(format.decode(value, NOW)).as(value).isEmpty());
        String twoRoles = format.encode(
                ApiKeyMirrorEntry.unsigned("id-1", "alice", List.of("admin", "user"), "ab".repeat(32), notAfter));
        assertThat(format.decode(twoRoles, NOW)).isPresent();
        assertThat(format.decode(twoRoles.replace("[\"admin\",\"user\"]", "[\"admin,user\"]"), NOW))
                .isEmpty();
    }

    @Test
    void mirrorFormatWhenNoJwtSecretThenDisabledAndRefusesEverything() {
        ApiKeyMirrorFormat enabled = format("a-jwt-secret-of-at-least-32-bytes-0123456789");
        ApiKeyMirrorFormat disabled = format(null);
        String stored = enabled.encode(entry(NOW.getEpochSecond() + 60));

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.decode(stored, NOW)).isEmpty();
        assertThatThrownBy(() -> disabled.encode(entry(NOW.getEpochSecond() + 60)))
                .isInstanceOf(IllegalStateException.class);
    }
}
