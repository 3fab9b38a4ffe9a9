package dev.e2ee.bench.http;

import dev.e2ee.crypto.key.JwkSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Closed-loop HTTP load for one scenario, plaintext or with encrypted bodies (EHBP), so the two can be compared on
 * the same machine: create-envelope ({@code POST /api/v1/envelopes}) by a fixed number of connections for a fixed
 * time, after a warm-up. The load generator seals and opens like a real client, on the same cores as the services
 * (as wrk does for the plaintext figures). Prints successful requests/s, latency percentiles and every error class
 * (status and problem {@code code}, or the exception), and checks a sample of the envelopes against the vault's
 * signing keys.
 *
 * <p>It first creates PROMPTS prompts (default: one per connection) with the given secret, in the same mode. Each
 * connection asks for envelopes of one of them: the vault reserves a secret attempt per request in flight for a
 * prompt (at most {@code e2ee.vault.secret-failures.max-attempts}, 5, docs/vault-api.md "Envelope rules"), so more
 * than five connections on one prompt measure mostly its {@code 429 TOO_MANY_SECRET_FAILURES}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.e2ee.bench.http.EncryptedLoad URL TOKEN SECRET plain|ehbp
 *     SECONDS CONCURRENCY [PROMPTS]</pre>
 */
public final class EncryptedLoad {

    private static final int VERIFY_EVERY = 50;
    private static final Pattern PROMPT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private EncryptedLoad() {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String token = args[1];
        String secret = args[2];
        boolean encrypted = "ehbp".equals(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        int promptCount = args.length > 6 ? Integer.parseInt(args[6]) : concurrency;
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Exchange exchange = Exchange.connect(http, base, token, encrypted);
        EnvelopeCheck check = new EnvelopeCheck(JwkSet.parse(http.send(
                        HttpRequest.newBuilder(base.resolve("/api/v1/keys/jwks.json"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()));
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < promptCount; i++) {
            prompts.add(createPrompt(exchange, secret));
        }
        Runner runner = new Runner(exchange, check, prompts, secret);
        runner.run(Math.max(5, seconds / 3), concurrency); // warm-up
        Result result = runner.run(seconds, concurrency);
        System.out.printf(
                "%s create-envelope: %.0f req/s (2xx), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors, %d envelopes"
                        + " verified (%d s, %d connections, %d prompts)%n",
                encrypted ? "ehbp " : "plain",
                result.ok() / (double) seconds,
                result.percentile(50),
                result.percentile(95),
                result.percentile(99),
                result.errorCount(),
                result.verified(),
                seconds,
                concurrency,
                promptCount);
        if (!result.errors().isEmpty()) {
            System.out.println("  errors: "
                    + result.errors().entrySet().stream()
                            .map(e -> e.getKey() + " x " + e.getValue())
                            .collect(Collectors.joining(", ")));
        }
    }

    private static String createPrompt(Exchange exchange, String secret) throws Exception {
        String body = "{\"promptText\":\"" + "p".repeat(1000) + "\",\"secret\":\"" + secret + "\"}";
        Exchange.Answer answer = exchange.post("/api/v1/prompts", body);
        Matcher id = PROMPT_ID.matcher(answer.body());
        if (answer.status() != 201 || !id.find()) {
            throw new IllegalStateException("could not create a prompt: " + answer.errorClass());
        }
        return id.group(1);
    }

    record Result(long ok, Map<String, Long> errors, long verified, long[] latenciesNanos) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        double percentile(int p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p / 100.0))] / 1e6;
        }
    }

    record Runner(Exchange exchange, EnvelopeCheck check, List<String> prompts, String secret) {

        Result run(int seconds, int concurrency) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            Map<String, LongAdder> errors = new ConcurrentHashMap<>();
            LongAdder ok = new LongAdder();
            LongAdder verified = new LongAdder();
            List<List<Long>> latencies = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            for (int i = 0; i < concurrency; i++) {
                List<Long> mine = new ArrayList<>();
                latencies.add(mine);
                String promptId = prompts.get(i % prompts.size());
                String body = "{\"promptId\":\"" + promptId + "\",\"secret\":\"" + secret + "\"}";
                pool.submit(() -> {
                    for (long n = 0; System.nanoTime() < end; n++) {
                        long start = System.nanoTime();
                        String error;
                        try {
                            Exchange.Answer answer = exchange.post("/api/v1/envelopes", body);
                            mine.add(System.nanoTime() - start);
                            error = classify(answer, promptId, n % VERIFY_EVERY == 0, verified);
                        } catch (Exception e) {
                            mine.add(System.nanoTime() - start);
                            error = e.getClass().getSimpleName();
                        }
                        if (error == null) {
                            ok.increment();
                        } else {
                            errors.computeIfAbsent(error, k -> new LongAdder()).increment();
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            long[] all = latencies.stream()
                    .flatMap(List::stream)
                    .mapToLong(Long::longValue)
                    .toArray();
            Map<String, Long> byClass = new ConcurrentSkipListMap<>();
            errors.forEach((k, v) -> byClass.put(k, v.sum()));
            return new Result(ok.sum(), byClass, verified.sum(), all);
        }

        /** Null when the answer is a 201 with an envelope (checked fully when {@code verify}), else its class. */
        private String classify(Exchange.Answer answer, String promptId, boolean verify, LongAdder verified) {
            if (answer.status() != 201 || !answer.sealed() || !answer.body().contains("\"encryptedData\"")) {
                return answer.errorClass();
            }
            if (verify) {
                if (!check.valid(answer.body(), promptId)) {
                    return "201 envelope does not verify";
                }
                verified.increment();
            }
            return null;
        }
    }
}
