package dev.e2ee.vault.apikey;

import dev.e2ee.platform.ApiException;
import dev.e2ee.platform.security.ApiKeyHash;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.Role;
import dev.e2ee.vault.apikey.ApiKeyDtos.ApiKeyResponse;
import dev.e2ee.vault.apikey.ApiKeyDtos.CreateApiKeyRequest;
import dev.e2ee.vault.audit.AuditRecorder;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates (shown once, stored hashed), lists and revokes API keys. */
@Service
class ApiKeyService {

    static final String KEY_PREFIX = "e2ee_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;
    private final ApiKeyMirror mirror;
    private final AuditRecorder audit;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, ApiKeyMirror mirror, AuditRecorder audit, Clock clock) {
        this.keys = keys;
        this.mirror = mirror;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ApiKeyResponse create(CreateApiKeyRequest request, E2eePrincipal admin) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String rawKey = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        request.roles().forEach(r -> roles.add(Role.fromClaim(r).orElseThrow()));
        String owner = request.owner() == null ? request.name() : request.owner();
        ApiKeyRecord record = new ApiKeyRecord(
                UUID.randomUUID(), request.name(), owner, roles, ApiKeyHash.of(rawKey), admin.subject(), now());
        keys.insert(record);
        mirror.publishAfterCommit(record);
        audit.success("apikey.create", "api_key", record.getId(), Map.of("owner", owner, "roles", request.roles()));
        return response(record, rawKey);
    }

    @Transactional(readOnly = true)
    List<ApiKeyResponse> list() {
        return keys.findAllNewestFirst().stream().map(k -> response(k, null)).toList();
    }

    @Transactional
    void revoke(UUID id) {
        ApiKeyRecord record = keys.findById(id).orElseThrow(ApiKeyNotFoundException::new);
        if (keys.revoke(id, now())) {
            mirror.removeNow(record);
            audit.success("apikey.revoke", "api_key", id, Map.of());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ApiKeyResponse response(ApiKeyRecord record, String rawKey) {
        return new ApiKeyResponse(
                record.getId(),
                record.getName(),
                record.getOwner(),
                record.getRoles().stream().map(Role::claimValue).sorted().toList(),
                rawKey,
                record.getCreatedBy(),
                record.getCreatedAt(),
                record.getRevokedAt());
    }

    static final class ApiKeyNotFoundException extends ApiException {
        ApiKeyNotFoundException() {
            super(HttpStatus.NOT_FOUND, "API_KEY_NOT_FOUND", "API key not found", "No such API key.");
        }
    }
}
