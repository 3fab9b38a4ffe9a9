package dev.e2ee.vault.apikey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code e2ee.vault.api-keys.*}: the authenticated API-key mirror in Redis and the revocation check of tokens.
 *
 * @param mirrorRefreshInterval how often every instance re-publishes the active keys (and deletes recently revoked
 *     ones again)
 * @param mirrorEntryLifetime {@code notAfter} of a published entry (and its Redis TTL): a captured entry cannot be
 *     replayed longer than this after its key is revoked; keep it about 3 × the refresh interval
 * @param tokenCheckCacheTtl how long this instance trusts an "active" answer from PostgreSQL for a token's
 *     {@code akid} (0 = ask every time); bounds how long a revoked key's tokens keep working here
 */
@ConfigurationProperties("e2ee.vault.api-keys")
record ApiKeyProperties(
        @DefaultValue("2m") Duration mirrorRefreshInterval,
        @DefaultValue("6m") Duration mirrorEntryLifetime,
        @DefaultValue("2s") Duration tokenCheckCacheTtl) {}
