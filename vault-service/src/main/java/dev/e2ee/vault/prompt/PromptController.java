package dev.e2ee.vault.prompt;

import dev.e2ee.platform.security.CurrentPrincipal;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.prompt.PromptExceptions.InvalidRequestException;
import dev.e2ee.vault.prompt.PromptExceptions.VersionRequiredException;
import dev.e2ee.vault.prompt.PromptRequests.CreatePromptRequest;
import dev.e2ee.vault.prompt.PromptRequests.ListQuery;
import dev.e2ee.vault.prompt.PromptRequests.UpdatePromptRequest;
import dev.e2ee.vault.prompt.PromptResponses.PromptResponse;
import dev.e2ee.vault.prompt.PromptResponses.VersionHistory;
import dev.e2ee.vault.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/prompts")
@Tag(name = "Prompts", description = "Prompts stored encrypted at rest")
class PromptController {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private final PromptService service;
    private final PromptQueries queries;
    private final PromptSearch search;
    private final List<PromptEnvelopes> envelopes;

    PromptController(
            PromptService service, PromptQueries queries, PromptSearch search, List<PromptEnvelopes> envelopes) {
        this.service = service;
        this.queries = queries;
        this.search = search;
        this.envelopes = envelopes;
    }

    @PostMapping
    @Operation(summary = "Create a prompt (the text is not echoed back)")
    ResponseEntity<PromptResponse> create(@Valid @RequestBody CreatePromptRequest request) {
        Prompt prompt = service.create(request, principal());
        return ResponseEntity.created(URI.create("/api/v1/prompts/" + prompt.id()))
                .eTag(etag(prompt))
                .body(queries.response(prompt, null, null));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a prompt with its text (owner or admin)")
    ResponseEntity<PromptResponse> get(
            @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean includeEnvelopes) {
        List<?> envelopeList =
                includeEnvelopes && !envelopes.isEmpty() ? envelopes.get(0).metadataOf(id) : null;
        PromptResponse response = queries.read(id, principal(), envelopeList);
        return ResponseEntity.ok().eTag("\"" + response.version() + "\"").body(response);
    }

    @GetMapping
    @Operation(summary = "List prompts (metadata only); search = all words, case-insensitive")
    PageResponse<PromptResponse> list(@Valid @ModelAttribute ListQuery query) {
        return search.list(query, principal());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update text, metadata or status; version in the body or If-Match")
    ResponseEntity<PromptResponse> update(
            @PathVariable UUID id,
            @Valid @RequestBody UpdatePromptRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Prompt prompt = service.update(id, request, expectedVersion(request, ifMatch), principal());
        return ResponseEntity.ok().eTag(etag(prompt)).body(queries.response(prompt, null, null));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Version history with each version's text (owner or admin)")
    VersionHistory versions(@PathVariable UUID id) {
        return queries.history(id, principal());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Soft delete; later reads answer 404")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id, principal());
        return ResponseEntity.noContent().build();
    }

    private static long expectedVersion(UpdatePromptRequest request, String ifMatch) {
        if (request.version() != null) {
            return request.version();
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException();
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidRequestException("If-Match must be the prompt's version, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String etag(Prompt prompt) {
        return "\"" + prompt.version() + "\"";
    }

    private static E2eePrincipal principal() {
        return CurrentPrincipal.require();
    }
}
