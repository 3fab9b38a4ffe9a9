package dev.e2ee.client;

/**
 * The server refused the request with an RFC 9457 problem. {@link #authenticated()} is false when the answer to an
 * encrypted request came unsealed: it may come from an intermediary, not from the service (EHBP).
 */
public final class ProblemException extends E2eeClientException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String title;
    private final String detail;
    private final boolean authenticated;

    ProblemException(int status, String code, String title, String detail, boolean authenticated) {
        super(status + " " + (title == null ? "" : title) + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
        this.authenticated = authenticated;
    }

    public int status() {
        return status;
    }

    /** The problem's {@code code} (e.g. {@code PROMPT_NOT_FOUND}), or null. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public boolean authenticated() {
        return authenticated;
    }
}
