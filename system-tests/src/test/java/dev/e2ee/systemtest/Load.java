package dev.e2ee.systemtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Steady load: {@code threads} workers repeat one operation until {@link #stop()}, recording every outcome with its
 * start and end time, so a test can ask what happened before, during and after a fault.
 */
final class Load implements AutoCloseable {

    /** One operation's outcome; {@code ids} are what it created (prompt id, envelope id …) when it succeeded. */
    record Outcome(long startedNanos, long endedNanos, int status, String failure, List<String> ids, String text) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean startedAfter(long nanos) {
            return startedNanos >= nanos;
        }

        boolean endedBefore(long nanos) {
            return endedNanos <= nanos;
        }
    }

    /** What a worker does once; {@code iteration} lets it change principal now and then (rate limits). */
    interface Operation extends Function<Integer, List<Outcome>> {}

    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ExecutorService pool;
    private volatile boolean running = true;

    Load(int threads, Operation operation) {
        pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int i = 0; running; i++) {
                    outcomes.addAll(operation.apply(i));
                }
            });
        }
    }

    List<Outcome> stop() {
        running = false;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcomes();
    }

    /** Waits until at least {@code count} operations were acknowledged (2xx), so a fault hits a working system. */
    void awaitAcknowledged(int count, java.time.Duration timeout) {
        awaitAcknowledgedSince(Long.MIN_VALUE, count, timeout);
    }

    /** Waits until at least {@code count} operations started at or after {@code nanos} were acknowledged. */
    void awaitAcknowledgedSince(long nanos, int count, java.time.Duration timeout) {
        Faults.await(
                count + " acknowledged writes",
                timeout,
                () -> outcomes.stream()
                                .filter(o -> o.ok() && o.startedAfter(nanos))
                                .count()
                        >= count);
    }

    /** The outcomes of the operations that started at or after {@code fromNanos} and ended before {@code toNanos}. */
    static List<Outcome> between(List<Outcome> outcomes, long fromNanos, long toNanos) {
        return outcomes.stream()
                .filter(o -> o.startedAfter(fromNanos) && o.endedBefore(toNanos))
                .toList();
    }

    List<Outcome> outcomes() {
        return new ArrayList<>(outcomes);
    }

    @Override
    public void close() {
        stop();
    }

    /** Times an HTTP call into an outcome. */
    static Outcome timed(
            java.util.function.Supplier<Http.Response> call, Function<Http.Response, List<String>> ids, String text) {
        long start = System.nanoTime();
        Http.Response response = call.get();
        long end = System.nanoTime();
        List<String> created = response.is2xx() ? ids.apply(response) : List.of();
        return new Outcome(start, end, response.status(), response.failure(), created, text);
    }

    /** Prompt creation, then (when it worked) an envelope for it; a new principal every 4 iterations. */
    static Operation promptsAndEnvelopes(Api api) {
        ThreadLocal<Api.User> user = new ThreadLocal<>();
        return iteration -> {
            if (iteration % 4 == 0) {
                user.set(api.user());
            }
            String text = Sensitive.promptText();
            String secret = Sensitive.secret();
            Outcome prompt = timed(
                    () -> api.createPrompt(user.get(), text, secret),
                    response -> List.of("prompt:" + response.json().path("id").asString()),
                    text);
            if (!prompt.ok()) {
                return List.of(prompt);
            }
            String promptId = prompt.ids().get(0).substring("prompt:".length());
            Outcome envelope = timed(
                    () -> api.createEnvelope(user.get(), java.util.UUID.fromString(promptId), secret),
                    response -> List.of("envelope:" + response.json().path("id").asString()),
                    text);
            return List.of(prompt, envelope);
        };
    }

    static String summary(List<Outcome> outcomes) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (Outcome outcome : outcomes) {
            String key = outcome.status() == -1
                    ? "no answer (" + shortFailure(outcome.failure()) + ")"
                    : Integer.toString(outcome.status());
            counts.merge(key, 1L, Long::sum);
        }
        return counts.toString();
    }

    private static String shortFailure(String failure) {
        return failure == null ? "?" : failure.split(":")[0];
    }
}
