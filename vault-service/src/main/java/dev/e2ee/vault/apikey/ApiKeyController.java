package dev.e2ee.vault.apikey;

import dev.e2ee.platform.security.CurrentPrincipal;
import dev.e2ee.vault.apikey.ApiKeyDtos.ApiKeyResponse;
import dev.e2ee.vault.apikey.ApiKeyDtos.CreateApiKeyRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (see {@code VaultAuthorizationRules}). */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Admin: API keys for services (shown once, stored hashed)")
class ApiKeyController {

    private final ApiKeyService service;

    ApiKeyController(ApiKeyService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Create an API key; the key is in this response only")
    ResponseEntity<ApiKeyResponse> create(@Valid @RequestBody CreateApiKeyRequest request) {
        ApiKeyResponse created = service.create(request, CurrentPrincipal.require());
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "List API keys (metadata only)")
    List<ApiKeyResponse> list() {
        return service.list();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key (at once, on both services)")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        service.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
