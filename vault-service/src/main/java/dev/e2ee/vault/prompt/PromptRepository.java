package dev.e2ee.vault.prompt;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PromptRepository extends JpaRepository<Prompt, UUID>, JpaSpecificationExecutor<Prompt> {

    /** Like {@code findById}, without the read-only transaction Spring Data wraps around its CRUD methods. */
    Optional<Prompt> findOneById(UUID id);

    /**
     * Soft delete as a bulk update: the version (which the at-rest ciphertext is bound to) stays as it is.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Prompt p set p.status = dev.e2ee.vault.prompt.PromptStatus.DELETED, p.deletedAt = :now,"
            + " p.updatedAt = :now where p.id = :id and p.deletedAt is null")
    int softDelete(UUID id, Instant now);
}
