package dev.e2ee.vault.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.VaultIntegrationTest;
import dev.e2ee.vault.envelope.EnvelopeExceptions.SecretRejectedException;
import dev.e2ee.vault.envelope.EnvelopeExceptions.TooManySecretFailuresException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The per-prompt secret-attempt limit against real Redis: races, expiry, and who may count against it. */
class SecretGateIntegrationTests extends VaultIntegrationTest {

    private static final int THREADS = 24;

    @Autowired
    private SecretGate gate;

    @Autowired
    private SecretFailureProperties properties;

    @Test
    void unlockWhenConcurrentWrongGuessesThenAtMostLimitVerifiedAndRestLocked() throws Exception {
        String subject = newSubject();
        UUID promptId = UUID.fromString(createPrompt(token(subject, Role.USER), "race target", "right"));
        E2eePrincipal owner = principal(subject);

        List<Throwable> outcomes = guessConcurrently(promptId, owner);

        assertThat(outcomes).hasSize(THREADS);
        assertThat(outcomes.stream().filter(SecretRejectedException.class::isInstance))
                .hasSize(properties.maxAttempts());
        assertThat(outcomes.stream().filter(TooManySecretFailuresException.class::isInstance))
                .hasSize(THREADS - properties.maxAttempts());
        assertThat(redis.getExpire(SecretFailureCounter.PREFIX + promptId)).isPositive();
    }

    @Test
    void unlockWhenCounterKeyLostItsExpiryThenTheNextAttemptGivesItOne() {
        String subject = newSubject();
        UUID promptId = UUID.fromString(createPrompt(token(subject, Role.USER), "ttl target", "right"));
        String key = SecretFailureCounter.PREFIX + promptId;
        redis.opsForValue().set(key, "1");

        catchThrowable(() -> gate.unlock(promptId, "wrong", principal(subject)));

        assertThat(redis.getExpire(key)).isPositive();
    }

    @Test
    void unlockWhenRightSecretThenAttemptGivenBack() {
        String subject = newSubject();
        UUID promptId = UUID.fromString(createPrompt(token(subject, Role.USER), "release target", "right"));
        for (int i = 0; i < properties.maxAttempts() + 2; i++) {
            assertThat(gate.unlock(promptId, "right", principal(subject)).id()).isEqualTo(promptId);
        }
    }

    @Test
    void createEnvelopeWhenNonOwnerGuessesThenNothingCountsAndOwnerNotLockedOut() {
        String owner = userToken();
        String promptId = createPrompt(owner, "lockout target", "right");
        String stranger = userToken();
        for (int i = 0; i <= properties.maxAttempts(); i++) {
            HttpResponse<String> guess =
                    post("/api/v1/envelopes", stranger, Map.of("promptId", promptId, "secret", "guess" + i));
            assertThat(guess.statusCode()).isEqualTo(403);
        }

        HttpResponse<String> own = post("/api/v1/envelopes", owner, Map.of("promptId", promptId, "secret", "right"));

        assertThat(own.statusCode()).isEqualTo(201);
        assertThat(redis.opsForValue().get(SecretFailureCounter.PREFIX + promptId))
                .isIn(null, "0");
    }

    private List<Throwable> guessConcurrently(UUID promptId, E2eePrincipal principal) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String guess = "guess-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return catchThrowable(() -> gate.unlock(promptId, guess, principal));
                }));
            }
            start.countDown();
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Throwable> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static E2eePrincipal principal(String subject) {
        return new E2eePrincipal(subject, Set.of(Role.USER), null, AuthMethod.JWT, null);
    }
}
