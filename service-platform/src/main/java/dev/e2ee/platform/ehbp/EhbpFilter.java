package dev.e2ee.platform.ehbp;

import dev.e2ee.crypto.ehbp.Ehbp;
import dev.e2ee.crypto.ehbp.EhbpException;
import dev.e2ee.crypto.ehbp.RequestOpener;
import dev.e2ee.crypto.ehbp.RequestOpener.OpenedRequest;
import dev.e2ee.crypto.ehbp.RequestOpener.SealedResponse;
import dev.e2ee.platform.web.PayloadTooLargeException;
import dev.e2ee.platform.web.ProblemWriter;
import dev.e2ee.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Encrypted bodies at the servlet level, before any application code (docs/ehbp.md): serves
 * {@code /.well-known/hpke-keys}; opens a request carrying {@code Ehbp-Encapsulated-Key} (400 malformed, 422
 * key-config, both plaintext because no key is shared yet) and seals its whole response, errors included; in
 * require mode refuses plaintext requests outside the plaintext paths and plaintext {@code X-API-Key} headers.
 */
final class EhbpFilter extends OncePerRequestFilter {

    static final String METHOD_OVERRIDE_HEADER = "X-HTTP-Method-Override";
    private static final Set<String> OVERRIDABLE = Set.of("GET", "DELETE");
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final RequestOpener keys;
    private final EhbpProperties properties;
    private final ProblemWriter problems;

    /** @param keys the origin's keys, or null when encrypted bodies are off */
    EhbpFilter(RequestOpener keys, EhbpProperties properties, ProblemWriter problems) {
        this.keys = keys;
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (Ehbp.KEYS_PATH.equals(request.getRequestURI())) {
            serveKeys(request, response);
            return;
        }
        String encapsulatedKey = request.getHeader(Ehbp.ENCAPSULATED_KEY_HEADER);
        if (encapsulatedKey == null) {
            if (properties.requireEncryptedBodies() && !plaintextAllowed(request)) {
                refusePlaintext(request, response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (keys == null) {
            problems.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "ENCRYPTION_NOT_CONFIGURED",
                    "Encrypted bodies are not configured",
                    "This service publishes no HPKE keys.");
            return;
        }
        exchange(request, response, chain, encapsulatedKey);
    }

    private void exchange(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String enc)
            throws ServletException, IOException {
        OpenedRequest opened;
        try {
            opened = keys.open(enc, request.getInputStream().readAllBytes());
        } catch (EhbpException e) {
            refuseBody(request, response, e.keyConfig());
            return;
        } catch (PayloadTooLargeException e) {
            problems.write(request, response, e.status(), e.code(), e.title(), e.getMessage());
            return;
        }
        String method = method(request);
        if (method == null || (properties.requireEncryptedBodies() && request.getHeader("X-API-Key") != null)) {
            refuseHeaders(request, response, method == null);
            return;
        }
        SealingResponse sealing = new SealingResponse(response);
        chain.doFilter(new DecryptedRequest(request, opened.plaintext(), method), sealing);
        byte[] body = sealing.body();
        if (body.length == 0 && sealing.getStatus() >= 400) {
            body = problemBody(request, sealing);
        }
        SealedResponse sealed = opened.sealResponse(body);
        response.setHeader(Ehbp.RESPONSE_NONCE_HEADER, sealed.nonceHex());
        response.setContentLength(sealed.body().length);
        response.getOutputStream().write(sealed.body());
        response.flushBuffer();
    }

    /** The method the application sees: POST may name GET or DELETE (the encrypted form of a bodyless request). */
    private static String method(HttpServletRequest request) {
        String override = request.getHeader(METHOD_OVERRIDE_HEADER);
        if (override == null) {
            return request.getMethod();
        }
        return "POST".equals(request.getMethod()) && OVERRIDABLE.contains(override) ? override : null;
    }

    private boolean plaintextAllowed(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean open = properties.plaintextPaths().stream().anyMatch(p -> PATHS.match(p, path));
        return open && request.getHeader("X-API-Key") == null;
    }

    private void serveKeys(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (keys == null) {
            problems.write(
                    request,
                    response,
                    HttpStatus.NOT_FOUND,
                    "NOT_FOUND",
                    "Not found",
                    "This service publishes no HPKE keys.");
            return;
        }
        byte[] body = keys.keysBody();
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(Ehbp.KEYS_MEDIA_TYPE);
        response.setHeader("Cache-Control", "public, max-age=60");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void refuseBody(HttpServletRequest request, HttpServletResponse response, boolean keyConfig)
            throws IOException {
        if (keyConfig) {
            ProblemDetail problem = Problems.create(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "KEY_CONFIG",
                    "Unknown key configuration",
                    "Fetch the keys again and retry.",
                    request);
            problem.setType(URI.create(Ehbp.KEY_CONFIG_PROBLEM_TYPE));
            problems.write(response, problem);
            return;
        }
        problems.write(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "INVALID_ENCRYPTED_BODY",
                "Invalid encrypted body",
                "The encrypted body could not be opened.");
    }

    private void refuseHeaders(HttpServletRequest request, HttpServletResponse response, boolean badOverride)
            throws IOException {
        String detail = badOverride
                ? METHOD_OVERRIDE_HEADER + " is accepted on POST only, naming GET or DELETE."
                : "Send the API key inside the encrypted body, not in a header.";
        problems.write(request, response, HttpStatus.BAD_REQUEST, "ENCRYPTION_REQUIRED", "Encryption required", detail);
    }

    private void refusePlaintext(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "ENCRYPTION_REQUIRED",
                "Encryption required",
                "This service accepts only encrypted requests (" + Ehbp.ENCAPSULATED_KEY_HEADER + "; see "
                        + Ehbp.KEYS_PATH + ").");
    }

    /** A body for a bare error status (a container {@code sendError}), so that the client gets a sealed problem. */
    private byte[] problemBody(HttpServletRequest request, SealingResponse sealing) {
        HttpStatus status = HttpStatus.resolve(sealing.getStatus());
        String title = status == null ? "Error" : status.getReasonPhrase();
        String code = status == null ? "ERROR" : status.name();
        ProblemDetail problem =
                Problems.create(HttpStatusCode.valueOf(sealing.getStatus()), code, title, title + ".", request);
        sealing.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        return problems.toBytes(problem);
    }
}
