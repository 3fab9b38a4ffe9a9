package dev.e2ee.vault.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKeyRecord, UUID> {

    Optional<ApiKeyRecord> findByKeyHash(String keyHash);

    List<ApiKeyRecord> findByRevokedAtIsNull();

    List<ApiKeyRecord> findByRevokedAtAfter(Instant since);
}
