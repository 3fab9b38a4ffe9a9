package dev.e2ee.bench.crypto;

import dev.e2ee.crypto.ehbp.RequestOpener;
import dev.e2ee.crypto.ehbp.RequestOpener.OpenedRequest;
import dev.e2ee.crypto.ehbp.RequestOpener.SealedResponse;
import dev.e2ee.crypto.ehbp.RequestSealer;
import dev.e2ee.crypto.ehbp.RequestSealer.SealedRequest;
import java.security.SecureRandom;
import java.util.List;
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
 * The added cost of an encrypted exchange (EHBP) per request: on the server, opening the request (X25519
 * decapsulation + HPKE key schedule + AES-256-GCM) and sealing the response (export + HKDF + AES-256-GCM); on the
 * client, the reverse. Body sizes: a typical JSON request/answer (1 KiB) and a large prompt (64 KiB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EhbpBenchmark {

    @Param({"1024", "65536"})
    public int bodyBytes;

    private RequestOpener server;
    private byte[] body;
    private SealedRequest sealed;
    private SealedResponse response;

    @Setup
    public void setUp() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        server = RequestOpener.fromRawPrivateKeys(List.of(key));
        body = new byte[bodyBytes];
        sealed = RequestSealer.seal(server.configs().get(0), body);
        response = server.open(sealed.encapsulatedKeyHex(), sealed.body()).sealResponse(body);
    }

    /** What a service adds to a request: open the body, seal the answer. */
    @Benchmark
    public SealedResponse serverOpenAndSeal() {
        OpenedRequest opened = server.open(sealed.encapsulatedKeyHex(), sealed.body());
        return opened.sealResponse(body);
    }

    /** What a client adds: seal the body (X25519 key generation + encapsulation), open the answer. */
    @Benchmark
    public byte[] clientSealAndOpen() {
        SealedRequest request = RequestSealer.seal(server.configs().get(0), body);
        return request.body();
    }

    @Benchmark
    public byte[] clientOpenResponse() {
        return sealed.openResponse(response.nonceHex(), response.body());
    }
}
