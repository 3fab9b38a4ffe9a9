package dev.e2ee.prs.processing;

import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.prs.envelope.EnvelopeOpening;
import dev.e2ee.prs.envelope.OpenedPrompt;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/prompts/process}: synchronous (200) or, with {@code options.async}, a job (202). */
@RestController
@Tag(name = "prompts")
class PromptController {

    private final EnvelopeOpening opening;
    private final ProcessingService processing;
    private final AsyncSubmission async;
    private final ResponseRenderer renderer;

    PromptController(
            EnvelopeOpening opening, ProcessingService processing, AsyncSubmission async, ResponseRenderer renderer) {
        this.opening = opening;
        this.processing = processing;
        this.async = async;
        this.renderer = renderer;
    }

    @PostMapping("/api/v1/prompts/process")
    @Operation(
            summary = "Process a prompt given as an envelope or as promptText",
            description = "JSON by default; XML with Accept: application/xml or options.format=xml; text/plain with"
                    + " options.format=text. options.async=true answers 202 with Location /api/v1/responses/{id}.")
    ResponseEntity<?> process(
            @Valid @RequestBody ProcessRequest request,
            @AuthenticationPrincipal E2eePrincipal principal,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ProcessOptions options = request.effectiveOptions();
        ResponseFormat format = ResponseFormat.choose(options.format(), accept);
        PromptWork work = work(request, options, principal.subject());
        if (options.asyncRequested()) {
            UUID jobId = async.submit(work);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/responses/" + jobId))
                    .body(new JobAccepted(jobId, "pending"));
        }
        return renderer.render(processing.process(work), format);
    }

    private PromptWork work(ProcessRequest request, ProcessOptions options, String owner) {
        if (request.promptText() != null) {
            UUID promptId = request.promptId() != null ? request.promptId() : UUID.randomUUID();
            return new PromptWork(owner, promptId, request.promptText(), request.sessionId(), options, null);
        }
        OpenedPrompt opened = opening.open(request.envelope(), owner);
        return new PromptWork(
                owner, opened.promptId(), opened.promptText(), request.sessionId(), options, opened.envelopeId());
    }

    /** {@code {id, status:"pending"}}. */
    record JobAccepted(UUID id, String status) {}
}
