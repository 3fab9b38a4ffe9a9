package dev.e2ee.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Request id and client address of a request. {@link #current()} returns the one of the request bound to the
 * current thread (set by the platform's request-id filter), or {@link #NONE} (both null) outside a request —
 * capture it before handing work to another thread. The request id is also in the MDC under {@code requestId}.
 *
 * <p>The client address is {@code HttpServletRequest.getRemoteAddr()}: the TCP peer, unless the service sets
 * {@code server.forward-headers-strategy=native} (or {@code framework}) behind a trusted proxy, in which case
 * it is taken from {@code X-Forwarded-For}/{@code Forwarded}.
 */
public record RequestContext(String requestId, String clientAddress) {

    /** Header carrying the request id in both directions. */
    public static final String HEADER = "X-Request-ID";

    /** MDC key of the request id. */
    public static final String MDC_KEY = "requestId";

    /** No request bound to this thread. */
    public static final RequestContext NONE = new RequestContext(null, null);

    static final String ATTRIBUTE = RequestContext.class.getName();

    public static RequestContext current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return of(servlet.getRequest());
        }
        return NONE;
    }

    /** The context the platform attached to this request ({@link #NONE} if the filter did not run). */
    public static RequestContext of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof RequestContext context ? context : NONE;
    }
}
