package dev.e2ee.vault.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.RsaKeys;
import dev.e2ee.vault.VaultIntegrationTest;
import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.key.KeyConfigurationException;
import dev.e2ee.vault.key.KeyMetadataStore;
import dev.e2ee.vault.key.VaultKeyProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several vault instances over the one real {@code cryptographic_keys} table, without several Spring contexts: each
 * "instance" is its own {@link SigningKeys}, {@link SigningKeyRefresher} and {@link SigningKeyRotation} built from
 * its own {@code SENDER_PRIVATE_KEY_PATH}, sharing the context's database beans. Every test generates its own keys,
 * so rows of other tests and earlier runs never match.
 */
class SigningKeyFleetIntegrationTests extends VaultIntegrationTest {

    @TempDir
    Path dir;

    @Autowired
    KeyMetadataStore store;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditRecorder audit;

    @Autowired
    Clock clock;

    @Autowired
    VaultKeyProperties properties;

    /** One vault instance's signing-key machinery. */
    record Instance(SigningKeys keys, SigningKeyRefresher refresher, SigningKeyRotation rotation) {

        String primary() {
            return keys.get().primary().kid();
        }

        List<String> published() {
            return keys.publicJwks().stream().map(Jwk::kid).toList();
        }
    }

    @Test
    void freshStateWhenTwoKeysListedThenFirstSignsBothArePublishedAndRecorded() {
        KeyPair newest = RsaKeys.generate(2048);
        KeyPair older = RsaKeys.generate(2048);

        Instance vault = start(newest, older);

        assertThat(vault.primary()).isEqualTo(kid(newest));
        assertThat(vault.published()).containsExactly(kid(newest), kid(older));
        assertThat(stored(newest)).isEqualTo("primary");
        assertThat(stored(older)).isEqualTo("active");
        Envelope envelope = seal(vault);
        assertThat(envelope.senderPrivateKeyId()).isEqualTo(kid(newest));
        assertThat(openTrusting(envelope, newest).content().promptText()).isEqualTo("fleet test");
        assertThat(auditRows("key.rotate", newest))
                .as("recorded as primary at startup")
                .isEqualTo(1);
    }

    @Test
    void rotationWhenDoneThroughOneInstanceThenTheOtherSignsWithTheNewKeyAfterItsRefresh() {
        KeyPair old = RsaKeys.generate(2048);
        KeyPair next = RsaKeys.generate(2048);
        start(old); // the fleet before the new key was rolled out
        Instance a = start(next, old);
        Instance b = start(next, old);
        assertThat(List.of(a.primary(), b.primary()))
                .as("published first, not signing")
                .containsOnly(kid(old));
        assertThat(b.published()).containsExactly(kid(old), kid(next));

        SigningKeyRotation.Rotated rotated = a.rotation().rotate(null);

        assertThat(rotated).isEqualTo(new SigningKeyRotation.Rotated(kid(next), kid(old)));
        assertThat(a.primary()).as("applied at once where it was called").isEqualTo(kid(next));
        assertThat(b.primary()).as("before its refresh").isEqualTo(kid(old));
        assertThat(b.refresher().refresh()).isTrue();
        assertThat(b.primary()).isEqualTo(kid(next));
        Envelope envelope = seal(b);
        assertThat(envelope.senderPrivateKeyId()).isEqualTo(kid(next));
        assertThat(openTrusting(envelope, next).content().promptText()).isEqualTo("fleet test");
        assertThat(b.published()).containsExactly(kid(next), kid(old));
        assertThat(stored(next)).isEqualTo("primary");
        assertThat(stored(old)).isEqualTo("active");
        assertThat(auditRows("key.rotate", next)).isEqualTo(1);

        a.rotation().retire(kid(old));

        assertThat(a.published()).containsExactly(kid(next));
        assertThat(b.published()).as("before its refresh").containsExactly(kid(next), kid(old));
        assertThat(b.refresher().refresh()).isTrue();
        assertThat(b.published()).containsExactly(kid(next));
        assertThat(b.keys().get().find(kid(old))).isEmpty();
        assertThat(stored(old)).isEqualTo("retired");
        assertThat(auditRows("key.retire", old)).isEqualTo(1);
    }

    @Test
    void restartWhenRotatedPrimaryIsNotFirstListedThenTheNewInstanceKeepsTheRotatedPrimary() {
        KeyPair old = RsaKeys.generate(2048);
        KeyPair current = RsaKeys.generate(2048);
        KeyPair upcoming = RsaKeys.generate(2048);
        start(old);
        start(current, old).rotation().rotate(null);

        Instance restarted = start(upcoming, current, old);

        assertThat(restarted.primary()).isEqualTo(kid(current));
        assertThat(restarted.published()).containsExactly(kid(current), kid(upcoming), kid(old));
        assertThat(stored(upcoming)).isEqualTo("active");
        assertThat(seal(restarted).senderPrivateKeyId()).isEqualTo(kid(current));
    }

    @Test
    void startupWhenStatusesAreStoredThenInsertsMissingRowsAndNeverOverwritesAStoredStatus() {
        KeyPair retired = RsaKeys.generate(2048);
        KeyPair primary = RsaKeys.generate(2048);
        KeyPair added = RsaKeys.generate(2048);
        Instance first = start(primary, retired);
        first.rotation().retire(kid(retired));

        Instance restarted = start(retired, added, primary);

        assertThat(stored(retired)).isEqualTo("retired");
        assertThat(stored(primary)).isEqualTo("primary");
        assertThat(stored(added)).isEqualTo("active");
        assertThat(restarted.primary()).isEqualTo(kid(primary));
        assertThat(restarted.published()).containsExactly(kid(primary), kid(added));
        assertThat(restarted.keys().get().find(kid(retired))).isEmpty();
        assertThat(auditRows("key.rotate", added)).isZero();
    }

    @Test
    void startupWhenEveryListedKeyIsRetiredThenFailsNamingTheSetting() {
        KeyPair retired = RsaKeys.generate(2048);
        KeyPair primary = RsaKeys.generate(2048);
        start(primary, retired).rotation().retire(kid(retired));

        assertThatThrownBy(() -> start(retired))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("SENDER_PRIVATE_KEY_PATH")
                .hasMessageContaining("retired");
    }

    @Test
    void refreshWhenDatabaseUnreachableThenLastKnownStateKept() {
        KeyPair newest = RsaKeys.generate(2048);
        KeyPair older = RsaKeys.generate(2048);
        start(older);
        Instance vault = start(newest, older);
        KeyMetadataStore unreachable = new KeyMetadataStore(
                new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "none", "")));
        SigningKeyRefresher offline =
                new SigningKeyRefresher(vault.keys(), unreachable, transactions, audit, clock, properties);

        assertThat(offline.refresh()).isFalse();
        assertThat(offline.refresh()).isFalse();

        assertThat(vault.primary()).isEqualTo(kid(older));
        assertThat(vault.published()).containsExactly(kid(older), kid(newest));
        assertThat(vault.refresher().refresh()).as("database back").isTrue();
    }

    /** Starts an instance with these keys in {@code SENDER_PRIVATE_KEY_PATH}, newest first. */
    private Instance start(KeyPair... newestFirst) {
        String setting = Arrays.stream(newestFirst).map(this::file).collect(Collectors.joining(","));
        SigningKeys keys = new SigningKeys(SigningKeyFiles.load(setting), Instant.now());
        SigningKeyRefresher refresher = new SigningKeyRefresher(keys, store, transactions, audit, clock, properties);
        refresher.recordAtStartup();
        return new Instance(keys, refresher, new SigningKeyRotation(keys, store, transactions, audit, clock));
    }

    private String file(KeyPair pair) {
        Path path = dir.resolve(kid(pair) + ".pem");
        try {
            if (!Files.exists(path)) {
                Files.writeString(path, RsaKeys.toPem((RSAPrivateKey) pair.getPrivate()), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return path.toString();
    }

    private String stored(KeyPair pair) {
        return jdbc.queryForObject(
                "SELECT status FROM cryptographic_keys WHERE name = 'vault-sign' AND kid = ?", String.class, kid(pair));
    }

    private int auditRows(String action, KeyPair pair) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs WHERE action = ? AND outcome = 'success' AND details->>'kid' = ?",
                Integer.class,
                action,
                kid(pair));
    }

    private static Envelope seal(Instance instance) {
        return EnvelopeSealer.create(instance.keys(), CryptoProvider.jdk(), Clock.systemUTC())
                .seal(
                        Recipient.of((RSAPublicKey) KEYS.receiver.getPublic()),
                        new EnvelopeContent(UUID.randomUUID(), "fleet test", Map.of()),
                        null);
    }

    /** Opens with crypto-common, trusting only this signer: proves which key signed. */
    private static dev.e2ee.crypto.envelope.OpenedEnvelope openTrusting(Envelope envelope, KeyPair signer) {
        return OneSignerOpener.trusting(signer, KEYS.receiver).open(envelope);
    }

    private static String kid(KeyPair pair) {
        return Jwk.thumbprint((RSAPublicKey) pair.getPublic());
    }
}
