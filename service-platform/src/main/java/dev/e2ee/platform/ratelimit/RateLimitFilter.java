package dev.e2ee.platform.ratelimit;

import dev.e2ee.platform.security.CurrentPrincipal;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.platform.web.ProblemWriter;
import dev.e2ee.platform.web.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Runs inside the security filter chain after authentication: principal key = API key id, else JWT subject, else
 * client address. Sets {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (Unix
 * seconds at which the window ends) and answers 429 {@code RATE_LIMITED} with {@code Retry-After} (seconds).
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9._@:-]{1,100}");

    private record CompiledRule(RateLimiter.Limit limit, String method, PathPattern path) {}

    private final RateLimiter limiter;
    private final ProblemWriter problems;
    private final RateLimiter.Limit defaultLimit;
    private final List<CompiledRule> rules;
    private final List<PathPattern> excluded;
    private final Runnable rejected;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties properties, ProblemWriter problems, Runnable rejected) {
        this.limiter = limiter;
        this.problems = problems;
        this.rejected = rejected;
        this.defaultLimit = new RateLimiter.Limit("default", properties.requestsPerMinute());
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.rules = properties.rules().stream()
                .map(rule -> new CompiledRule(
                        new RateLimiter.Limit(rule.name(), rule.requestsPerMinute()),
                        rule.method() == null || rule.method().isBlank() ? null : rule.method(),
                        parser.parse(rule.path())))
                .toList();
        this.excluded = properties.excludedPaths().stream().map(parser::parse).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        PathContainer path = pathOf(request);
        return excluded.stream().anyMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitDecision decision = limiter.check(principalKey(request), limitsFor(request));
        response.setHeader("X-RateLimit-Limit", Integer.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetEpochSeconds()));
        if (decision.exceeded()) {
            rejected.run();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "RATE_LIMITED",
                    "Too many requests",
                    "Rate limit exceeded; retry after " + decision.retryAfterSeconds() + " seconds.");
            return;
        }
        chain.doFilter(request, response);
    }

    private List<RateLimiter.Limit> limitsFor(HttpServletRequest request) {
        List<RateLimiter.Limit> limits = new ArrayList<>();
        limits.add(defaultLimit);
        PathContainer path = pathOf(request);
        for (CompiledRule rule : rules) {
            boolean methodMatches = rule.method() == null || rule.method().equalsIgnoreCase(request.getMethod());
            if (methodMatches && rule.path().matches(path)) {
                limits.add(rule.limit());
            }
        }
        return limits;
    }

    static String principalKey(HttpServletRequest request) {
        Optional<E2eePrincipal> principal = CurrentPrincipal.current();
        if (principal.isPresent() && principal.get().apiKeyId() != null) {
            return "key:" + safe(principal.get().apiKeyId());
        }
        if (principal.isPresent()) {
            return "user:" + safe(principal.get().subject());
        }
        String address = RequestContext.of(request).clientAddress();
        return addressKey(address != null ? address : request.getRemoteAddr());
    }

    /** The limiter key of a client address (the same key for the request limit and the failed-auth limit). */
    static String addressKey(String address) {
        return "ip:" + safe(address == null ? "unknown" : address);
    }

    /** Plain ids stay readable; anything else (braces, long or odd values) becomes a digest. */
    private static String safe(String value) {
        if (PLAIN_KEY.matcher(value).matches()) {
            return value;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "h" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static PathContainer pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        return PathContainer.parsePath(path);
    }
}
