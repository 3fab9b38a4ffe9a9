package dev.e2ee.vault.envelope;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EnvelopeRepository extends JpaRepository<EnvelopeRecord, UUID> {

    Page<EnvelopeRecord> findByPromptId(UUID promptId, Pageable pageable);

    List<EnvelopeRecord> findTop100ByPromptIdOrderByCreatedAtDesc(UUID promptId);

    @Modifying
    @Query("update EnvelopeRecord e set e.status = dev.e2ee.vault.envelope.EnvelopeStatus.EXPIRED"
            + " where e.status = dev.e2ee.vault.envelope.EnvelopeStatus.PENDING and e.expiresAt < :now")
    int expirePending(Instant now);
}
