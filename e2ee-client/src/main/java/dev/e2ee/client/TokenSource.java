package dev.e2ee.client;

import dev.e2ee.client.Models.Token;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * The bearer token: a fixed one, or one exchanged for the API key (the key travels only inside an encrypted body)
 * and renewed shortly before it expires or after a 401.
 */
final class TokenSource {

    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private final String apiKey;
    private final Clock clock;
    private final Function<String, Token> exchange;
    private Token token;

    TokenSource(String apiKey, Token token, Clock clock, Function<String, Token> exchange) {
        this.apiKey = apiKey;
        this.token = token;
        this.clock = clock;
        this.exchange = exchange;
    }

    synchronized Map<String, String> authorization() {
        if (token == null || (apiKey != null && expiresSoon(token))) {
            if (apiKey == null) {
                return Map.of();
            }
            token = exchange.apply(apiKey);
        }
        return Map.of("Authorization", "Bearer " + token.accessToken());
    }

    /** After a 401: forget the token so the next call exchanges the key again; false when there is no key. */
    synchronized boolean renewable() {
        if (apiKey == null) {
            return false;
        }
        token = null;
        return true;
    }

    synchronized Token current() {
        authorization();
        return token;
    }

    private boolean expiresSoon(Token t) {
        return t.expiresAt() != null && !Instant.now(clock).plus(RENEW_BEFORE).isBefore(t.expiresAt());
    }
}
