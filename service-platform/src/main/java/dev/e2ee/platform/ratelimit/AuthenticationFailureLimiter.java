package dev.e2ee.platform.ratelimit;

import dev.e2ee.platform.security.AuthenticationFailureThrottle;
import java.util.List;
import java.util.OptionalLong;

/**
 * Failed authentications per client address and minute, counted by the shared {@link RateLimiter} (Redis, with its
 * per-instance fallback) under the limit {@code auth-failure}, so the count holds across instances.
 */
final class AuthenticationFailureLimiter implements AuthenticationFailureThrottle {

    private final RateLimiter limiter;
    private final List<RateLimiter.Limit> limits;

    AuthenticationFailureLimiter(RateLimiter limiter, int failuresPerMinute) {
        this.limiter = limiter;
        this.limits = List.of(new RateLimiter.Limit("auth-failure", failuresPerMinute));
    }

    @Override
    public OptionalLong countFailure(String clientAddress) {
        RateLimitDecision decision = limiter.check(RateLimitFilter.addressKey(clientAddress), limits);
        return decision.exceeded() ? OptionalLong.of(decision.retryAfterSeconds()) : OptionalLong.empty();
    }
}
