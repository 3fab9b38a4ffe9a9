package dev.e2ee.prs.key;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Fetches the vault's JWK Set at startup (without failing when the vault is not up yet), then every {@code tick}
 * while no key was fetched, and every {@code interval} afterwards.
 */
final class VaultJwksRefresher implements SmartLifecycle {

    private final TrustedSigners signers;
    private final boolean enabled;
    private final Duration interval;
    private final Duration tick;
    private ScheduledExecutorService scheduler;

    VaultJwksRefresher(TrustedSigners signers, boolean enabled, Duration interval, Duration tick) {
        this.signers = signers;
        this.enabled = enabled;
        this.interval = interval;
        this.tick = tick;
    }

    @Override
    public synchronized void start() {
        if (!enabled || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vault-jwks-refresh");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                () -> signers.refreshIfStale(interval), 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
