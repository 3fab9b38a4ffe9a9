package dev.e2ee.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problems of docs/architecture.md#errors: {@code type = https://e2ee.dev/problems/<code-kebab>}, {@code title},
 * {@code status}, {@code detail}, {@code instance} (the request path), {@code code}, {@code requestId}.
 */
public final class Problems {

    /** Base of every problem {@code type}. */
    public static final String TYPE_BASE = "https://e2ee.dev/problems/";

    private Problems() {}

    public static ProblemDetail create(
            HttpStatusCode status, String code, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        if (request != null) {
            problem.setInstance(URI.create(safePath(request.getRequestURI())));
            problem.setProperty("requestId", RequestContext.of(request).requestId());
        }
        return problem;
    }

    public static URI typeOf(String code) {
        return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The problem as an ordered map, as it appears on the wire. */
    public static Map<String, Object> toMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    private static String safePath(String path) {
        if (path == null) {
            return "/";
        }
        StringBuilder safe = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || "/-._~".indexOf(c) >= 0);
            safe.append(plain ? String.valueOf(c) : "%" + String.format("%02X", (int) c & 0xFF));
        }
        return safe.toString();
    }
}
