package dev.e2ee.prs.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code e2ee.storage.*}: the key-encryption key(s) that protect everything this service keeps in Redis
 * (sessions, cached responses, job payloads and results).
 *
 * @param kek {@code E2EE_KEK}: base64 32-byte key(s), comma-separated, optionally {@code label:base64}; first = primary
 * @param kekFile {@code E2EE_KEK_FILE}: a file holding the same (e.g. a mounted Kubernetes Secret)
 */
@ConfigurationProperties("e2ee.storage")
public record StorageProperties(String kek, String kekFile) {

    @Override
    public String toString() {
        return "StorageProperties[kek=" + (kek == null || kek.isBlank() ? "unset" : "***") + ", kekFile=" + kekFile
                + "]";
    }
}
