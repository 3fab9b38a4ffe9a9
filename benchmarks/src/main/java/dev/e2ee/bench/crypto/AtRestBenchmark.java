package dev.e2ee.bench.crypto;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.SecretVerifier;
import dev.e2ee.crypto.StrictBase64;
import dev.e2ee.crypto.atrest.AtRestEncryptor;
import dev.e2ee.crypto.atrest.ConfiguredKeyEncryptionKeys;
import dev.e2ee.crypto.atrest.EncryptedRecord;
import dev.e2ee.crypto.atrest.RecordContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
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

/** At-rest encrypt/decrypt of a 1 KiB prompt (DEK + KEK wrap, AES-GCM twice) and the secret verifier check. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AtRestBenchmark {

    @Param({"native", "jdk"})
    public String provider;

    private AtRestEncryptor encryptor;
    private SecretVerifier verifier;
    private final RecordContext context =
            new RecordContext("prompts", UUID.randomUUID().toString(), 1);
    private final byte[] plaintext = "p".repeat(1024).getBytes(StandardCharsets.UTF_8);
    private final UUID promptId = UUID.randomUUID();
    private EncryptedRecord record;
    private byte[] stored;

    @Setup
    public void setUp() {
        CryptoProvider crypto = Providers.named(provider);
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        encryptor = AtRestEncryptor.create(
                ConfiguredKeyEncryptionKeys.fromConfig(StrictBase64.encode(kek), crypto), crypto);
        record = encryptor.encrypt(plaintext, context);
        verifier = SecretVerifier.create(kek, crypto);
        stored = verifier.verifier(promptId, "correct horse battery staple");
    }

    @Benchmark
    public EncryptedRecord encrypt() {
        return encryptor.encrypt(plaintext, context);
    }

    @Benchmark
    public byte[] decrypt() {
        return encryptor.decrypt(record, context);
    }

    @Benchmark
    public boolean secretCheck() {
        return verifier.matches(promptId, "correct horse battery staple", stored);
    }
}
