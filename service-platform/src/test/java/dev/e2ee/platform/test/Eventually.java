package dev.e2ee.platform.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.IntSupplier;

/** Waiting for a condition in the services' integration tests (Awaitility), never for a fixed time. */
public final class Eventually {

    private Eventually() {}

    /**
     * Calls {@code call} every 100 ms until it answers {@code expected} (at most 30 s) and returns that status; fails
     * with Awaitility's timeout when it never does.
     */
    public static int status(IntSupplier call, int expected) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(call::getAsInt, status -> status == expected);
    }
}
