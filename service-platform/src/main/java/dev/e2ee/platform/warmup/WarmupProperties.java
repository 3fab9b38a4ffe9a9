package dev.e2ee.platform.warmup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.warmup.*}: the in-process warm-up that runs before the readiness state flips to
 * {@code ACCEPTING_TRAFFIC} (docs/performance.md, "Elastic start").
 *
 * @param enabled run the warm-up at all ({@code E2EE_WARMUP_ENABLED})
 * @param rounds how many rounds of every contributor at most
 * @param maxDuration the bound on the whole warm-up: readiness is never held back longer than this
 * @param selfRequestPath a public GET the service sends to itself each round (Tomcat, the filter chain, Spring MVC
 *     and Jackson); empty = none
 */
@ConfigurationProperties("e2ee.warmup")
public record WarmupProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1500") int rounds,
        @DefaultValue("3s") Duration maxDuration,
        @DefaultValue("/api/v1/health/live") String selfRequestPath) {}
