package dev.e2ee.vault.envelope;

import dev.e2ee.crypto.envelope.Envelope;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.platform.ApiException;
import dev.e2ee.platform.security.CurrentPrincipal;
import dev.e2ee.vault.envelope.EnvelopeRequests.CreateEnvelopeRequest;
import dev.e2ee.vault.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Envelopes", description = "Signed, hybrid-encrypted envelopes for the prompt-response service")
class EnvelopeController {

    private final EnvelopeService service;
    private final EnvelopeQueries queries;

    EnvelopeController(EnvelopeService service, EnvelopeQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @PostMapping("/envelopes")
    @Operation(summary = "Seal a prompt into a v2 envelope (needs the prompt's secret)")
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody CreateEnvelopeRequest request) {
        Envelope envelope = service.create(request, CurrentPrincipal.require());
        Map<String, Object> body = new LinkedHashMap<>(EnvelopeJson.toMap(envelope));
        body.put("status", EnvelopeStatus.PENDING.wireName());
        return ResponseEntity.created(URI.create("/api/v1/envelopes/" + envelope.id()))
                .body(body);
    }

    @GetMapping("/envelopes/{id}")
    @Operation(summary = "Envelope metadata (never the ciphertext)")
    EnvelopeMetadata get(@PathVariable UUID id) {
        return queries.one(id, CurrentPrincipal.require());
    }

    @GetMapping("/prompts/{id}/envelopes")
    @Operation(summary = "Envelopes of a prompt (metadata only, newest first)")
    PageResponse<EnvelopeMetadata> ofPrompt(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return queries.ofPrompt(id, page, limit, CurrentPrincipal.require())
                .orElseThrow(PromptNotVisibleException::new);
    }

    static final class PromptNotVisibleException extends ApiException {
        PromptNotVisibleException() {
            super(HttpStatus.NOT_FOUND, "PROMPT_NOT_FOUND", "Prompt not found", "No such prompt.");
        }
    }
}
