package dev.e2ee.vault;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * RFC 9562 version-7 UUIDs for the vault's own row ids (prompts, versions, audit events): 48 bits of Unix time in
 * milliseconds, then 74 random bits from {@link SecureRandom}. New ids sort after older ones, so PostgreSQL appends
 * them at the right edge of each b-tree instead of at a random page (fewer pages dirtied, fewer full-page images in
 * the WAL; docs/performance.md). They reveal the creation millisecond, which the API shows anyway ({@code createdAt});
 * the random part keeps them unguessable. Envelope ids stay random version 4 (crypto-common).
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {}

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long msb = (unixMillis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long lsb = 0L;
        for (int i = 2; i < 10; i++) {
            lsb = (lsb << 8) | (random[i] & 0xFFL);
        }
        lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
