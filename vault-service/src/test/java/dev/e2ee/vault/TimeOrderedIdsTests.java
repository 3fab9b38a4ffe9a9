package dev.e2ee.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTests {

    @Test
    void nextWhenGeneratedThenVersion7VariantRfcAndMillisecondsInTheTopBits() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void atWhenLaterMillisecondThenSortsAfterAsPostgresComparesUuids() {
        // PostgreSQL orders uuid values by their bytes, i.e. as unsigned 128-bit numbers; the string form sorts alike.
        UUID earlier = TimeOrderedIds.at(1_764_000_000_000L);
        UUID later = TimeOrderedIds.at(1_764_000_000_001L);

        assertThat(earlier.toString()).isLessThan(later.toString());
    }

    @Test
    void atWhenSameMillisecondThenStillDistinctFromRandomBits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(1_764_000_000_000L));
        }

        assertThat(ids).hasSize(10_000);
        assertThat(ids).allSatisfy(id -> assertThat(id.toString()).startsWith("019ab697-e800-7"));
    }
}
