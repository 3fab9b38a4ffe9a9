package dev.e2ee.bench.crypto;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.crypto.key.RsaKeys;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Strict envelope JSON parsing and serialisation alone (no crypto), 1 000-character prompt. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeJsonBenchmark {

    private Envelope envelope;
    private String json;

    @Setup
    public void setUp() {
        CryptoProvider crypto = CryptoProvider.defaults();
        KeyPair keys = RsaKeys.generate(2048, crypto);
        String kid = Jwk.thumbprint((RSAPublicKey) keys.getPublic());
        Keyring<KeyPair> ring = Keyring.single(kid, null, keys, Instant.now());
        envelope = EnvelopeSealer.create(() -> ring, crypto, Clock.systemUTC())
                .seal(
                        Recipient.of((RSAPublicKey) keys.getPublic()),
                        new EnvelopeContent(UUID.randomUUID(), "x".repeat(1000), Map.of()),
                        null);
        json = EnvelopeJson.toJson(envelope);
    }

    @Benchmark
    public Envelope parse() {
        return EnvelopeJson.parse(json);
    }

    @Benchmark
    public String serialise() {
        return EnvelopeJson.toJson(envelope);
    }
}
