package dev.e2ee.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code X-API-Key}: authenticates the request, or answers the generic 401 when the key is not valid. */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeyAuthentication apiKeys;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(ApiKeyAuthentication apiKeys, AuthenticationEntryPoint entryPoint) {
        this.apiKeys = apiKeys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String rawKey = request.getHeader(HEADER);
        if (rawKey == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<E2eePrincipal> principal = apiKeys.authenticate(rawKey);
        if (principal.isEmpty()) {
            contexts.clearContext();
            entryPoint.commence(request, response, new InvalidApiKeyException());
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new E2eeAuthentication(principal.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    static final class InvalidApiKeyException extends AuthenticationException {
        InvalidApiKeyException() {
            super("invalid_api_key");
        }
    }
}
