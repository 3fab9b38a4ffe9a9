package dev.e2ee.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.TestProviders;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One sealer and one opener shared by several threads (no shared Cipher/Signature state). */
class EnvelopeConcurrencyTests {

    static Stream<Named<CryptoProvider>> providers() {
        return TestProviders.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void sealAndOpenWhenSharedAcrossThreadsThenEveryEnvelopeRoundTrips(CryptoProvider provider) throws Exception {
        EnvelopeFixture fixture = new EnvelopeFixture(provider);
        EnvelopeSealer sealer = fixture.sealer();
        EnvelopeOpener opener = fixture.opener();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    EnvelopeContent content = EnvelopeFixture.content();
                    String json = EnvelopeJson.toJson(sealer.seal(fixture.recipient(), content, null));
                    return opener.open(json).content().equals(content);
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
