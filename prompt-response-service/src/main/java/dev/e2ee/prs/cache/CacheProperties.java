package dev.e2ee.prs.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code e2ee.cache.*}: the response cache for prompts processed outside a session. */
@ConfigurationProperties("e2ee.cache")
public record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10m") Duration ttl) {}
