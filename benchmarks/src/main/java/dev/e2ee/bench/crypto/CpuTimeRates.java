package dev.e2ee.bench.crypto;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.RsaOaep;
import dev.e2ee.crypto.RsaPss;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.crypto.envelope.EnvelopeOpener;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.crypto.envelope.OpeningPolicy;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.crypto.key.RsaKeys;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Ops per CPU-second of the calling thread (like {@code openssl speed} without {@code -elapsed}): robust when other
 * processes compete for the cores, where JMH's wall-clock ops/s drop. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.e2ee.bench.crypto.CpuTimeRates [seconds]}.
 */
public final class CpuTimeRates {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeRates() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        System.out.println(CryptoProvider.defaults().describe());
        ehbp(seconds);
        for (String name : new String[] {"native", "jdk"}) {
            CryptoProvider crypto = Providers.named(name);
            KeyPair signer = RsaKeys.generate(2048, crypto);
            KeyPair receiver = RsaKeys.generate(2048, crypto);
            String kid = Jwk.thumbprint((RSAPublicKey) signer.getPublic());
            Recipient recipient = Recipient.of((RSAPublicKey) receiver.getPublic());
            Instant now = Instant.now();
            Keyring<KeyPair> signing = Keyring.single(kid, null, signer, now);
            EnvelopeSealer sealer = EnvelopeSealer.create(() -> signing, crypto, Clock.systemUTC());
            EnvelopeOpener opener = EnvelopeOpener.create(
                    Keyring.single(kid, null, (RSAPublicKey) signer.getPublic(), now),
                    Keyring.single(recipient.kid(), null, (RSAPrivateKey) receiver.getPrivate(), now),
                    new OpeningPolicy(Duration.ofMinutes(1), Duration.ofDays(1)),
                    crypto,
                    Clock.systemUTC());
            EnvelopeContent content = new EnvelopeContent(UUID.randomUUID(), "x".repeat(1000), Map.of());
            String json = EnvelopeJson.toJson(sealer.seal(recipient, content, null));
            RsaPss pss = RsaPss.create(crypto);
            RsaOaep oaep = RsaOaep.create(crypto);
            byte[] data = new byte[256];
            byte[] wrapped = oaep.wrap((RSAPublicKey) receiver.getPublic(), new byte[32]);
            report(name, "envelope seal", seconds, () -> EnvelopeJson.toJson(sealer.seal(recipient, content, null)));
            report(name, "envelope open", seconds, () -> opener.open(json));
            report(name, "RSA-2048 PSS sign", seconds, () -> pss.sign((RSAPrivateKey) signer.getPrivate(), data));
            report(
                    name,
                    "RSA-2048 OAEP unwrap",
                    seconds,
                    () -> oaep.unwrap((RSAPrivateKey) receiver.getPrivate(), wrapped));
        }
    }

    /** The encrypted-body (EHBP) cost per request, 1 KiB body each way; BouncyCastle's HPKE on either provider. */
    private static void ehbp(double seconds) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        dev.e2ee.crypto.ehbp.RequestOpener server =
                dev.e2ee.crypto.ehbp.RequestOpener.fromRawPrivateKeys(java.util.List.of(key));
        byte[] body = new byte[1024];
        var sealed = dev.e2ee.crypto.ehbp.RequestSealer.seal(server.configs().get(0), body);
        report(
                "bc",
                "EHBP server open+seal",
                seconds,
                () -> server.open(sealed.encapsulatedKeyHex(), sealed.body()).sealResponse(body));
        report(
                "bc",
                "EHBP client seal",
                seconds,
                () -> dev.e2ee.crypto.ehbp.RequestSealer.seal(server.configs().get(0), body));
    }

    private static void report(String provider, String operation, double seconds, Runnable op) {
        measure(op, seconds);
        double rate = measure(op, seconds);
        System.out.printf("%-7s %-22s %10.0f ops per CPU-second%n", provider, operation, rate);
    }

    private static double measure(Runnable op, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = THREADS.getCurrentThreadCpuTime();
        long used;
        long count = 0;
        do {
            op.run();
            count++;
            used = THREADS.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        return count / (used / 1e9);
    }
}
