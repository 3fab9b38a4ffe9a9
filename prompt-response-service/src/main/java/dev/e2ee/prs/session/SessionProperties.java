package dev.e2ee.prs.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.sessions.*}: idle lifetime (sliding: every use extends it) and how many turns are kept (the oldest
 * are dropped beyond it; the processor sees the kept ones).
 */
@ConfigurationProperties("e2ee.sessions")
public record SessionProperties(
        @DefaultValue("30m") Duration ttl,
        @DefaultValue("50") int maxTurns) {}
