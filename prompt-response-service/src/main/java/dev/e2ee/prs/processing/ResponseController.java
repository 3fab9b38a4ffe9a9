package dev.e2ee.prs.processing;

import dev.e2ee.platform.ApiException;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.prs.job.JobState;
import dev.e2ee.prs.job.JobStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Async results: 202 while pending, the response when done, the job's problem when it failed; owner only. */
@RestController
@Tag(name = "prompts")
class ResponseController {

    private final JobStore jobs;
    private final ResponseRenderer renderer;
    private final JsonMapper json;

    ResponseController(JobStore jobs, ResponseRenderer renderer, JsonMapper json) {
        this.jobs = jobs;
        this.renderer = renderer;
        this.json = json;
    }

    @GetMapping("/api/v1/responses/{id}")
    @Operation(summary = "Result of an async process request")
    ResponseEntity<?> get(
            @PathVariable UUID id,
            @RequestParam(required = false) @jakarta.validation.constraints.Pattern(regexp = "json|xml|text")
                    String format,
            @AuthenticationPrincipal E2eePrincipal principal,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        JobState state = jobs.find(id, principal.subject()).orElseThrow(ResponseNotFoundException::new);
        return switch (state.status()) {
            case PENDING -> ResponseEntity.accepted().body(new PromptController.JobAccepted(id, "pending"));
            case DONE ->
                renderer.render(
                        json.readValue(state.result(), PromptResponse.class), ResponseFormat.choose(format, accept));
            case FAILED -> throw new JobFailedException(state.failure());
        };
    }

    /** The problem a failed job ended with, reported to its owner. */
    static final class JobFailedException extends ApiException {

        JobFailedException(JobState.Failure failure) {
            super(HttpStatus.valueOf(failure.status()), failure.code(), failure.title(), failure.detail());
        }
    }
}
