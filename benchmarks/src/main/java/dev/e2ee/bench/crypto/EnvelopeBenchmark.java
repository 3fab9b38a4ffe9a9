package dev.e2ee.bench.crypto;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.crypto.envelope.EnvelopeOpener;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.crypto.envelope.OpenedEnvelope;
import dev.e2ee.crypto.envelope.OpeningPolicy;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.crypto.key.RsaKeys;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Envelope v2 seal (RSA-PSS sign + RSA-OAEP wrap + AES-GCM + JSON) and open (JSON parse + verify + unwrap + decrypt)
 * with 2048-bit keys, ops/s per thread, on each provider path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBenchmark {

    @Param({"native", "jdk"})
    public String provider;

    private EnvelopeSealer sealer;
    private EnvelopeOpener opener;
    private Recipient recipient;
    private EnvelopeContent content;
    private String sealedJson;

    @Setup
    public void setUp() {
        CryptoProvider crypto = Providers.named(provider);
        KeyPair signer = RsaKeys.generate(2048, crypto);
        KeyPair receiver = RsaKeys.generate(2048, crypto);
        String signerKid = Jwk.thumbprint((RSAPublicKey) signer.getPublic());
        recipient = Recipient.of((RSAPublicKey) receiver.getPublic());
        Instant now = Instant.now();
        Keyring<KeyPair> signing = Keyring.single(signerKid, "vault-sign-1", signer, now);
        sealer = EnvelopeSealer.create(() -> signing, crypto, Clock.systemUTC());
        opener = EnvelopeOpener.create(
                Keyring.single(signerKid, null, (RSAPublicKey) signer.getPublic(), now),
                Keyring.single(recipient.kid(), null, (RSAPrivateKey) receiver.getPrivate(), now),
                new OpeningPolicy(Duration.ofSeconds(60), Duration.ofDays(1)),
                crypto,
                Clock.systemUTC());
        content = new EnvelopeContent(UUID.randomUUID(), "x".repeat(1000), Map.of("source", "bench"));
        sealedJson = EnvelopeJson.toJson(sealer.seal(recipient, content, null));
    }

    @Benchmark
    public String seal() {
        return EnvelopeJson.toJson(sealer.seal(recipient, content, null));
    }

    @Benchmark
    public OpenedEnvelope open() {
        return opener.open(sealedJson);
    }
}
