package dev.e2ee.vault.apikey;

import dev.e2ee.platform.ApiException;
import dev.e2ee.platform.security.ApiKeyAuthentication;
import dev.e2ee.platform.security.AuthMethod;
import dev.e2ee.platform.security.AuthenticationFailedEvent;
import dev.e2ee.platform.security.CurrentPrincipal;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.security.TokenIssuer;
import dev.e2ee.platform.web.RequestContext;
import dev.e2ee.vault.apikey.ApiKeyDtos.TokenRequest;
import dev.e2ee.vault.apikey.ApiKeyDtos.TokenResponse;
import dev.e2ee.vault.audit.AuditRecorder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/token}: exchanges an API key ({@code X-API-Key} header, or {@code {"apiKey": "..."}} in the
 * body) for a JWT of {@code JWT_EXPIRES_IN}. A JWT cannot be exchanged for a fresh one.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "API key → short-lived JWT")
class AuthTokenController {

    private final ApiKeyAuthentication apiKeys;
    private final TokenIssuer issuer;
    private final ApplicationEventPublisher events;
    private final AuditRecorder audit;

    AuthTokenController(
            ApiKeyAuthentication apiKeys, TokenIssuer issuer, ApplicationEventPublisher events, AuditRecorder audit) {
        this.apiKeys = apiKeys;
        this.issuer = issuer;
        this.events = events;
        this.audit = audit;
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange an API key for a JWT")
    TokenResponse token(
            @RequestHeader(name = "X-API-Key", required = false) String headerKey,
            @Valid @RequestBody(required = false) TokenRequest body) {
        E2eePrincipal principal = CurrentPrincipal.current()
                .filter(p -> p.method() != AuthMethod.JWT)
                .or(() -> apiKeys.authenticate(headerKey != null ? headerKey : body == null ? null : body.apiKey()))
                .orElseThrow(this::unauthenticated);
        String token = issuer.issue(principal);
        audit.standalone(principal, "auth.token", "api_key", principal.apiKeyId());
        return new TokenResponse(token, "Bearer", issuer.lifetime().toSeconds());
    }

    private ApiException unauthenticated() {
        RequestContext request = RequestContext.current();
        events.publishEvent(new AuthenticationFailedEvent(
                request.requestId(), request.clientAddress(), "POST", "/api/v1/auth/token", "invalid_api_key"));
        return new TokenRefusedException();
    }

    static final class TokenRefusedException extends ApiException {
        TokenRefusedException() {
            super(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Unauthenticated", "A valid API key is required.");
        }
    }
}
