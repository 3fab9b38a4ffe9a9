package dev.e2ee.prs.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.prs.IntegrationTestBase;
import dev.e2ee.prs.TestKeys;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** A second instance of the service (its own application context and port) on the same Redis. */
class TwoInstanceReplayIntegrationTests extends IntegrationTestBase {

    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startSecondInstance() {
        second = startInstance(Map.of());
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    private static int secondPort() {
        return portOf(second);
    }

    @Test
    void decryptWhenSameEnvelopeOpenedConcurrentlyOnTwoInstancesThenExactlyOneSucceeds() {
        for (int round = 0; round < 5; round++) {
            String body = "{\"envelope\":" + TestKeys.json(TestKeys.get().seal("race " + round)) + "}";
            String token = userToken("alice");
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> calls = List.of(port, secondPort()).stream()
                    .map(p -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + p + "/api/v1/envelopes/decrypt"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build());
                    }))
                    .toList();
            start.countDown();

            List<Integer> statuses = calls.stream()
                    .map(CompletableFuture::join)
                    .map(HttpResponse::statusCode)
                    .sorted()
                    .toList();

            assertThat(statuses).as("round %d", round).containsExactly(200, 409);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
