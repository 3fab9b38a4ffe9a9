package dev.e2ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditStreamMacTests {

    private static final String SECRET = "a-jwt-secret-of-at-least-32-bytes-0123456789";
    private static final String EVENT = "{\"eventId\":\"e-1\",\"type\":\"envelope.decrypt\",\"principal\":\"alice\"}";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final AuditStreamMac mac = AuditStreamMac.forSecret(SECRET);

    @Test
    void entryWhenSignedThenVerifiesOnlyUnderTheSameSecret() {
        String tag = mac.sign(EVENT, TRACEPARENT);

        assertThat(mac.verifies(EVENT, TRACEPARENT, tag)).isTrue();
        assertThat(AuditStreamMac.forSecret(SECRET).verifies(EVENT, TRACEPARENT, tag))
                .isTrue();
        assertThat(AuditStreamMac.forSecret("another-jwt-secret-of-at-least-32-bytes-012345")
                        .verifies(EVENT, TRACEPARENT, tag))
                .isFalse();
    }

    @Test
    void entryWhenEventOrTraceContextAlteredThenRefused() {
        String tag = mac.sign(EVENT, TRACEPARENT);

        assertThat(mac.verifies(EVENT.replace("alice", "bob"), TRACEPARENT, tag))
                .isFalse();
        assertThat(mac.verifies(EVENT + " ", TRACEPARENT, tag)).isFalse();
        assertThat(mac.verifies(EVENT, TRACEPARENT.replace("01", "00"), tag)).isFalse();
        assertThat(mac.verifies(EVENT, null, tag)).as("trace context removed").isFalse();
        assertThat(mac.verifies(EVENT, TRACEPARENT, mac.sign(EVENT, "")))
                .as("trace context added")
                .isFalse();
        assertThat(mac.verifies(EVENT, null, mac.sign(EVENT, "")))
                .as("none is the empty string")
                .isTrue();
    }

    @Test
    void entryWhenMacMissingMalformedOrTruncatedThenRefused() {
        String tag = mac.sign(EVENT, "");

        assertThat(mac.verifies(EVENT, null, null)).isFalse();
        assertThat(mac.verifies(null, null, tag)).isFalse();
        assertThat(mac.verifies(EVENT, null, "not base64 !")).isFalse();
        assertThat(mac.verifies(EVENT, null, "")).isFalse();
        assertThat(mac.verifies(EVENT, null, tag.substring(0, tag.length() - 2)))
                .isFalse();
    }

    @Test
    void formatWhenNoSharedSecretThenDisabledWritesNoMacAndTakesEntriesAsTheyAre() {
        AuditStreamMac disabled = AuditStreamMac.forSecret(null);

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.sign(EVENT, "")).isEmpty();
        assertThat(disabled.verifies(EVENT, null, null)).isTrue();
        assertThat(AuditStreamMac.forSecret("").enabled()).isFalse();
        assertThat(disabled).hasToString("AuditStreamMac[disabled]");
        assertThat(mac).hasToString("AuditStreamMac[HMAC-SHA256]");
    }
}
