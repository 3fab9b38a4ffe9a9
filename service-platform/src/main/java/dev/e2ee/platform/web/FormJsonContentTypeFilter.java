package dev.e2ee.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The exception (docs/architecture.md#errors) to "wrong content → 415": {@code curl -d '{...}'} sends
 * {@code Content-Type: application/x-www-form-urlencoded}. For POST/PUT/PATCH under {@code /api/v1/} whose form
 * body starts (after whitespace) with {@code {} or {@code [}, the request is presented as
 * {@code application/json}. Other form bodies are left alone (and get 415 from JSON endpoints).
 */
final class FormJsonContentTypeFilter extends OncePerRequestFilter {

    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");
    private static final int PEEK_LIMIT = 64;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !METHODS.contains(request.getMethod())
                || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServletInputStream original = request.getInputStream();
        PushbackInputStream body = new PushbackInputStream(original, PEEK_LIMIT);
        boolean json = startsLikeJson(body);
        chain.doFilter(new JsonRequest(request, new DelegatingServletInputStream(original, body), json), response);
    }

    private static boolean startsLikeJson(PushbackInputStream body) throws IOException {
        byte[] peeked = new byte[PEEK_LIMIT];
        int n = 0;
        int b = body.read();
        while (b >= 0 && n < PEEK_LIMIT - 1 && Character.isWhitespace(b)) {
            peeked[n++] = (byte) b;
            b = body.read();
        }
        if (b >= 0) {
            peeked[n++] = (byte) b;
        }
        body.unread(peeked, 0, n);
        return b == '{' || b == '[';
    }

    /** The peeked body, and — when it looks like JSON — an {@code application/json} content type. */
    private static final class JsonRequest extends HttpServletRequestWrapper {

        private static final String JSON = MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8";
        private final ServletInputStream body;
        private final boolean json;

        JsonRequest(HttpServletRequest request, ServletInputStream body, boolean json) {
            super(request);
            this.body = body;
            this.json = json;
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        }

        @Override
        public String getContentType() {
            return json ? JSON : super.getContentType();
        }

        @Override
        public String getHeader(String name) {
            return json && HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? JSON : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (json && HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                return Collections.enumeration(java.util.List.of(JSON));
            }
            return super.getHeaders(name);
        }
    }
}
