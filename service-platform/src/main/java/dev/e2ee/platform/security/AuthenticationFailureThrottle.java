package dev.e2ee.platform.security;

import java.util.OptionalLong;

/**
 * Limits failed authentication per client address before anything about the failure is recorded: the platform asks
 * it on every 401 it is about to answer. When the address is over its limit the request gets 429 with
 * {@code Retry-After} instead, and no {@link AuthenticationFailedEvent} is published (so nothing is audited). The
 * rate limiter provides it ({@code e2ee.rate-limit.auth-failures-per-minute}).
 */
@FunctionalInterface
public interface AuthenticationFailureThrottle {

    /**
     * Counts one failed authentication of {@code clientAddress}.
     *
     * @return empty when the failure may be answered and reported normally, else the seconds to wait (429)
     */
    OptionalLong countFailure(String clientAddress);
}
