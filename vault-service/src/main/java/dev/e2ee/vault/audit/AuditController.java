package dev.e2ee.vault.audit;

import dev.e2ee.vault.audit.AuditQueries.AuditEntry;
import dev.e2ee.vault.audit.AuditQueries.Filter;
import dev.e2ee.vault.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin or auditor (see {@code VaultAuthorizationRules}). */
@RestController
@RequestMapping("/api/v1/audit-logs")
@Tag(name = "Audit log", description = "Append-only, hash-chained audit log (admin, auditor)")
class AuditController {

    private final AuditQueries queries;
    private final AuditChainVerifier verifier;

    AuditController(AuditQueries queries, AuditChainVerifier verifier) {
        this.queries = queries;
        this.verifier = verifier;
    }

    @GetMapping
    @Operation(summary = "Audit rows, newest first; filters: action, principal, outcome, from, to (RFC 3339)")
    PageResponse<AuditEntry> list(
            @RequestParam(required = false) @Size(max = 64) String action,
            @RequestParam(required = false) @Size(max = 255) String principal,
            @RequestParam(required = false) @Pattern(regexp = "success|failure") String outcome,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
        return queries.page(new Filter(action, principal, outcome, from, to), page, limit);
    }

    @GetMapping("/verify")
    @Operation(summary = "Seal pending rows, then verify the hash chain; reports the first broken link")
    AuditChainVerifier.Result verify() {
        return verifier.sealAndVerify();
    }
}
