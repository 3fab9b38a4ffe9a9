package dev.e2ee.crypto.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.key.Keyring.Status;
import dev.e2ee.crypto.key.Keyring.Version;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyringTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void rotateWhenNewKeyThenNewPrimaryAndOldActiveStillFound() {
        Keyring<String> ring = Keyring.single("k1", "vault-sign-1", "key1", T0);
        Keyring<String> rotated = ring.rotate("k2", "vault-sign-2", "key2", T0.plusSeconds(60));
        assertThat(rotated.primary().kid()).isEqualTo("k2");
        assertThat(rotated.version("k1").orElseThrow().status()).isEqualTo(Status.ACTIVE);
        assertThat(rotated.find("k1")).contains("key1");
        assertThat(rotated.version("vault-sign-2").orElseThrow().kid()).isEqualTo("k2");
        assertThat(ring.primary().kid()).as("original unchanged").isEqualTo("k1");
    }

    @Test
    void retireWhenNotPrimaryThenNoLongerFoundButListed() {
        Keyring<String> ring = Keyring.single("k1", null, "key1", T0).rotate("k2", null, "key2", T0);
        Keyring<String> retired = ring.retire("k1");
        assertThat(retired.find("k1")).isEmpty();
        assertThat(retired.version("k1").orElseThrow().status()).isEqualTo(Status.RETIRED);
        assertThat(retired.find("k2")).contains("key2");
        assertThatThrownBy(() -> retired.retire("k2")).hasMessageContaining("primary key version cannot be retired");
        assertThatThrownBy(() -> retired.retire("k9")).hasMessageContaining("no key version");
    }

    @Test
    void ofWhenNotExactlyOnePrimaryOrDuplicateKidThenRefused() {
        Version<String> a = new Version<>("a", null, "ka", Status.ACTIVE, T0);
        Version<String> b = new Version<>("b", null, "kb", Status.PRIMARY, T0);
        Version<String> c = new Version<>("c", null, "kc", Status.PRIMARY, T0);
        assertThatThrownBy(() -> Keyring.of(List.of(a))).hasMessageContaining("found none");
        assertThatThrownBy(() -> Keyring.of(List.of(a, b, c))).hasMessageContaining("found several");
        assertThatThrownBy(() -> Keyring.of(List.of(b, b))).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Keyring.of(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Keyring.of(List.of(a, b)).versions().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
