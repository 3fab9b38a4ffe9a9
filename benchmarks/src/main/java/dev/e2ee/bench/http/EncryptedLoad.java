package dev.e2ee.bench.http;

import dev.e2ee.crypto.key.JwkSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * time. The load generator seals and opens like a real client, on the same cores as the services (as wrk does for the
 * plaintext figures). MODES is a comma-separated sequence run in order in this one process (e.g. {@code
 * plain,ehbp,plain,ehbp}), so the client's JIT is as warm for one mode as for the other; each run follows a warm-up of
 * its mode (a third of its time, at least 5 s), and with {@code -Dbench.warmupSeconds=N} each mode first gets one
 * unreported-in-the-medians warm-up run. Per run it prints the load average before it, successful requests/s,
 * latency percentiles, CPU per request of the client and (with {@code -Dbench.vaultPid=PID}) of the vault, every
 * error class (status and problem {@code code}, or the exception), and how many envelopes of the sample (one in 50)
 * verified against the vault's signing keys.
 *
 * <p>It first creates PROMPTS prompts (default: one per connection) with the given secret. Each connection asks for
 * envelopes of one of them: the vault reserves a secret attempt per request in flight for a prompt (at most {@code
 * e2ee.vault.secret-failures.max-attempts}, 5, docs/vault-api.md "Envelope rules"), so more than five connections on
 * one prompt measure mostly its {@code 429 TOO_MANY_SECRET_FAILURES}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.e2ee.bench.http.EncryptedLoad URL TOKEN SECRET MODES
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
        List<String> modes = List.of(args[3].split(","));
        int seconds = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        int promptCount = args.length > 6 ? Integer.parseInt(args[6]) : concurrency;
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, Exchange> exchanges = new LinkedHashMap<>();
        for (String mode : modes) {
            if (!exchanges.containsKey(mode)) {
                exchanges.put(mode, Exchange.connect(http, base, token, encrypted(mode)));
            }
        }
        EnvelopeCheck check = new EnvelopeCheck(JwkSet.parse(http.send(
                        HttpRequest.newBuilder(base.resolve("/api/v1/keys/jwks.json"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()));
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < promptCount; i++) {
            prompts.add(createPrompt(exchanges.get(modes.get(0)), secret));
        }
        Runner runner = new Runner(check, prompts, secret, CpuMeter.fromSystemProperty(), concurrency);
        int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 0);
        if (warmupSeconds > 0) {
            for (Map.Entry<String, Exchange> mode : exchanges.entrySet()) {
                report("warm-up: ", mode.getKey(), runner.run(mode.getValue(), warmupSeconds), warmupSeconds, runner);
            }
        }
        for (String mode : modes) {
            runner.run(exchanges.get(mode), Math.max(5, seconds / 3)); // warm-up of this mode before each run
            report("", mode, runner.run(exchanges.get(mode), seconds), seconds, runner);
        }
    }

    private static boolean encrypted(String mode) {
        return switch (mode) {
            case "plain" -> false;
            case "ehbp" -> true;
            default -> throw new IllegalArgumentException("mode: plain or ehbp, not " + mode);
        };
    }

    private static void report(String prefix, String mode, Result result, int seconds, Runner runner) {
        System.out.printf(
                "%sload %s | %-5s create-envelope: %.0f req/s (2xx), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                        + " CPU/request vault %.2f ms client %.2f ms, %d errors, %d envelopes verified (%d s, %d"
                        + " connections, %d prompts)%n",
                prefix,
                result.loadAverage(),
                mode,
                result.ok() / (double) seconds,
                result.percentile(50),
                result.percentile(95),
                result.percentile(99),
                result.cpuMillisPerRequest(result.vaultCpuNanos()),
                result.cpuMillisPerRequest(result.clientCpuNanos()),
                result.errorCount(),
                result.verified(),
                seconds,
                runner.concurrency(),
                runner.prompts().size());
        if (!result.errors().isEmpty()) {
            System.out.println("  errors: "
                    + result.errors().entrySet().stream()
                            .map(e -> e.getKey() + " x " + e.getValue())
                            .collect(Collectors.joining(", ")));
        }
        System.out.flush();
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

    record Result(
            String loadAverage,
            long ok,
            Map<String, Long> errors,
            long verified,
            long[] latenciesNanos,
            long vaultCpuNanos,
            long clientCpuNanos) {

        double cpuMillisPerRequest(long cpuNanos) {
            return ok == 0 ? 0 : cpuNanos / 1e6 / ok;
        }

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

    record Runner(EnvelopeCheck check, List<String> prompts, String secret, CpuMeter cpu, int concurrency) {

        Result run(Exchange exchange, int seconds) throws InterruptedException {
            String loadAverage = CpuMeter.loadAverage();
            CpuMeter.Reading before = cpu.read();
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
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (IOException | RuntimeException e) {
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
            CpuMeter.Reading after = cpu.read();
            long[] all = latencies.stream()
                    .flatMap(List::stream)
                    .mapToLong(Long::longValue)
                    .toArray();
            Map<String, Long> byClass = new ConcurrentSkipListMap<>();
            errors.forEach((k, v) -> byClass.put(k, v.sum()));
            return new Result(
                    loadAverage,
                    ok.sum(),
                    byClass,
                    verified.sum(),
                    all,
                    after.vaultNanos() - before.vaultNanos(),
                    after.clientNanos() - before.clientNanos());
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
