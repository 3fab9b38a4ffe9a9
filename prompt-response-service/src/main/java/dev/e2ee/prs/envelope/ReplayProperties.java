package dev.e2ee.prs.envelope;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code e2ee.replay.enabled}: each envelope id opens once (default true). */
@ConfigurationProperties("e2ee.replay")
public record ReplayProperties(@DefaultValue("true") boolean enabled) {}
