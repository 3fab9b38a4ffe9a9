package dev.e2ee.bench.crypto;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.RsaOaep;
import dev.e2ee.crypto.RsaPss;
import dev.e2ee.crypto.key.RsaKeys;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The RSA-2048 operations alone, comparable with {@code openssl speed rsa2048} (sign = private op). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PrimitivesBenchmark {

    @Param({"native", "jdk"})
    public String provider;

    private RsaPss pss;
    private RsaOaep oaep;
    private RSAPrivateKey privateKey;
    private RSAPublicKey publicKey;
    private final byte[] data = new byte[256];
    private final byte[] secret = new byte[32];
    private byte[] signature;
    private byte[] wrapped;

    @Setup
    public void setUp() {
        CryptoProvider crypto = Providers.named(provider);
        KeyPair pair = RsaKeys.generate(2048, crypto);
        privateKey = (RSAPrivateKey) pair.getPrivate();
        publicKey = (RSAPublicKey) pair.getPublic();
        pss = RsaPss.create(crypto);
        oaep = RsaOaep.create(crypto);
        signature = pss.sign(privateKey, data);
        wrapped = oaep.wrap(publicKey, secret);
    }

    @Benchmark
    public byte[] pssSign() {
        return pss.sign(privateKey, data);
    }

    @Benchmark
    public boolean pssVerify() {
        return pss.verify(publicKey, data, signature);
    }

    @Benchmark
    public byte[] oaepUnwrap() {
        return oaep.unwrap(privateKey, wrapped);
    }

    @Benchmark
    public byte[] oaepWrap() {
        return oaep.wrap(publicKey, secret);
    }
}
