package dev.e2ee.platform.security;

import dev.e2ee.crypto.KeyedHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Authenticates the entries of the audit stream ({@code e2ee:audit:events}, docs/architecture.md#audit-stream-prompt-response--vault). The
 * prompt-response service writes each entry with a field {@value #FIELD} = base64url(HMAC-SHA256(k,
 * PAE("e2ee-audit-stream-v1", event, traceparent))), {@code traceparent} being "" when the entry has none and
 * {@code k} the {@linkplain SharedSecretKeys shared key} for {@value #HKDF_INFO}; the vault records an entry only when
 * that MAC verifies (constant time). A Redis writer can delete entries (deny) or add a copy of one (a no-op: event
 * ids are unique), but cannot forge, alter or re-link one. Without {@code JWT_SECRET} (a JWKS-only setup) the two
 * services share no key: the format is {@linkplain #enabled() disabled}, entries carry no MAC and are taken as they
 * are (docs/security.md, "audit events forged through Redis").
 */
public final class AuditStreamMac {

    /** The stream entry's field that holds the MAC. */
    public static final String FIELD = "mac";

    static final String HKDF_INFO = "e2ee audit stream v1";
    private static final String DOMAIN = "e2ee-audit-stream-v1";

    private final KeyedHasher hasher;

    private AuditStreamMac(KeyedHasher hasher) {
        this.hasher = hasher;
    }

    public static AuditStreamMac create(SecurityProperties properties) {
        return forSecret(properties.hasJwtSecret() ? properties.jwtSecret() : null);
    }

    /** @param jwtSecret {@code JWT_SECRET}, or null/empty for a disabled format */
    public static AuditStreamMac forSecret(String jwtSecret) {
        return new AuditStreamMac(SharedSecretKeys.hasher(jwtSecret, HKDF_INFO));
    }

    /** False without {@code JWT_SECRET}: entries are then written without a MAC and accepted without one. */
    public boolean enabled() {
        return hasher != null;
    }

    /**
     * The MAC of an entry holding {@code event} and {@code traceparent} ("" for none), or "" when disabled (the
     * entry then gets no {@value #FIELD} field).
     */
    public String sign(String event, String traceparent) {
        if (!enabled()) {
            return "";
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(tag(event, traceparent));
    }

    /**
     * Whether an entry with these fields (null where the entry lacks one) is authentic: always when disabled,
     * otherwise when {@code mac} is the MAC of exactly this event and trace context.
     */
    public boolean verifies(String event, String traceparent, String mac) {
        if (!enabled()) {
            return true;
        }
        if (event == null || mac == null) {
            return false;
        }
        String expected = sign(event, traceparent == null ? "" : traceparent);
        return MessageDigest.isEqual(utf8(mac), utf8(expected)); // constant time over the base64url text
    }

    private byte[] tag(String event, String traceparent) {
        return hasher.hash(DOMAIN, utf8(event), utf8(traceparent));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "AuditStreamMac[" + (enabled() ? "HMAC-SHA256" : "disabled") + "]";
    }
}
