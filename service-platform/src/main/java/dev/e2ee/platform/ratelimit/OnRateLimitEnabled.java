package dev.e2ee.platform.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@link RateLimitProperties#enabled()} is true, read by binding the record, so its default (and the
 * empty {@code ${RATE_LIMIT_ENABLED:}} of {@code application.yml}) decide as everywhere else.
 */
final class OnRateLimitEnabled extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean enabled = Binder.get(context.getEnvironment())
                .bindOrCreate("e2ee.rate-limit", RateLimitProperties.class)
                .enabled();
        return enabled
                ? ConditionOutcome.match("e2ee.rate-limit.enabled is true")
                : ConditionOutcome.noMatch("e2ee.rate-limit.enabled is false");
    }
}
