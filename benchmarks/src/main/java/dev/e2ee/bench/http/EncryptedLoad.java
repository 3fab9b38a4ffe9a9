package dev.e2ee.bench.http;

import dev.e2ee.crypto.ehbp.Ehbp;
import dev.e2ee.crypto.ehbp.KeyConfig;
import dev.e2ee.crypto.ehbp.RequestSealer;
import dev.e2ee.crypto.ehbp.RequestSealer.SealedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop HTTP load for one scenario, plaintext or with encrypted bodies (EHBP), so the two can be compared on
 * the same machine: create-envelope ({@code POST /api/v1/envelopes}) by a fixed number of connections for a fixed
 * time, after a warm-up. The load generator seals and opens like a real client, on the same cores as the services
 * (as wrk does for the plaintext figures). Prints requests/s, errors and latency percentiles.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.e2ee.bench.http.EncryptedLoad URL TOKEN PROMPT_ID SECRET
 *     plain|ehbp SECONDS CONCURRENCY</pre>
 */
public final class EncryptedLoad {

    private EncryptedLoad() {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String token = args[1];
        String body = "{\"promptId\":\"" + args[2] + "\",\"secret\":\"" + args[3] + "\"}";
        boolean encrypted = "ehbp".equals(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int concurrency = Integer.parseInt(args[6]);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        KeyConfig key = encrypted ? key(http, base) : null;
        Runner runner = new Runner(http, base.resolve("/api/v1/envelopes"), token, body, key);
        runner.run(Math.max(5, seconds / 3), concurrency); // warm-up
        Result result = runner.run(seconds, concurrency);
        System.out.printf(
                "%s create-envelope: %.0f req/s, %d errors, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d s, %d connections)%n",
                encrypted ? "ehbp " : "plain",
                result.count / (double) seconds,
                result.errors,
                result.percentile(50),
                result.percentile(95),
                result.percentile(99),
                seconds,
                concurrency);
    }

    private static KeyConfig key(HttpClient http, URI base) throws Exception {
        HttpResponse<byte[]> keys = http.send(
                HttpRequest.newBuilder(base.resolve(Ehbp.KEYS_PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return KeyConfig.decodeList(keys.body()).get(0);
    }

    record Result(long count, long errors, long[] latenciesNanos) {
        double percentile(int p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p / 100.0))] / 1e6;
        }
    }

    record Runner(HttpClient http, URI url, String token, String body, KeyConfig key) {

        Result run(int seconds, int concurrency) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            AtomicLong errors = new AtomicLong();
            List<List<Long>> latencies = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            for (int i = 0; i < concurrency; i++) {
                List<Long> mine = new ArrayList<>();
                latencies.add(mine);
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        if (!once()) {
                            errors.incrementAndGet();
                        }
                        mine.add(System.nanoTime() - start);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            long[] all = latencies.stream()
                    .flatMap(List::stream)
                    .mapToLong(Long::longValue)
                    .toArray();
            return new Result(all.length, errors.get(), all);
        }

        private boolean once() {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(url)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json");
                if (key == null) {
                    HttpResponse<String> response = http.send(
                            request.POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 201
                            && ID.matcher(response.body()).find();
                }
                SealedRequest sealed = RequestSealer.seal(key, body.getBytes(StandardCharsets.UTF_8));
                HttpResponse<byte[]> response = http.send(
                        request.header(Ehbp.ENCAPSULATED_KEY_HEADER, sealed.encapsulatedKeyHex())
                                .POST(HttpRequest.BodyPublishers.ofByteArray(sealed.body()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                String nonce = response.headers()
                        .firstValue(Ehbp.RESPONSE_NONCE_HEADER)
                        .orElse(null);
                if (response.statusCode() != 201 || nonce == null) {
                    return false;
                }
                Matcher id =
                        ID.matcher(new String(sealed.openResponse(nonce, response.body()), StandardCharsets.UTF_8));
                return id.find();
            } catch (java.io.IOException | RuntimeException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private static final Pattern ID = Pattern.compile("\"encryptedData\"");
    }
}
