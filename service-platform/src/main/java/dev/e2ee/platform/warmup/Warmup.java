package dev.e2ee.platform.warmup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Runs the {@link WarmupContributor}s round by round, on one thread, until {@code rounds} are done or
 * {@code maxDuration} has passed. It is an {@link ApplicationRunner}: Spring Boot publishes
 * {@code ReadinessState.ACCEPTING_TRAFFIC} only after every runner returned, so until the warm-up ends the readiness
 * probe answers 503 while liveness is already up, and the first requests a new pod gets run on compiled code instead
 * of queueing behind the JIT. One thread: on 2 cores the C2 compiler threads keep a core to themselves.
 */
public final class Warmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);

    private final WarmupProperties properties;
    private final List<WarmupContributor> contributors;

    public Warmup(WarmupProperties properties, List<WarmupContributor> contributors) {
        this.properties = properties;
        this.contributors = List.copyOf(contributors);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled() || contributors.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        long deadline = started + properties.maxDuration().toNanos();
        List<WarmupContributor> active = new ArrayList<>(contributors);
        int rounds = 0;
        while (rounds < properties.rounds() && !active.isEmpty() && System.nanoTime() < deadline) {
            active.removeIf(contributor -> !pass(contributor));
            rounds++;
        }
        log.info(
                "warm-up: {} round(s) of {} in {} ms{}",
                rounds,
                contributors.stream().map(WarmupContributor::name).toList(),
                (System.nanoTime() - started) / 1_000_000,
                rounds < properties.rounds() && !active.isEmpty() ? " (stopped at e2ee.warmup.max-duration)" : "");
    }

    private static boolean pass(WarmupContributor contributor) {
        try {
            contributor.round();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException | IOException e) {
            // the type only: a message could echo what the contributor handled
            log.warn(
                    "warm-up: {} failed ({}); it is skipped",
                    contributor.name(),
                    e.getClass().getName());
            return false;
        }
    }
}
