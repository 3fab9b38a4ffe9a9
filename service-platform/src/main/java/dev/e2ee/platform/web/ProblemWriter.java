package dev.e2ee.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes problems from servlet filters and security handlers, where no MVC converter is involved. */
public final class ProblemWriter {

    private final JsonMapper jsonMapper;

    public ProblemWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatusCode status,
            String code,
            String title,
            String detail)
            throws IOException {
        write(response, Problems.create(status, code, title, detail, request));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(toBytes(problem));
        response.flushBuffer();
    }

    /** The problem's JSON body. */
    public byte[] toBytes(ProblemDetail problem) {
        return jsonMapper.writeValueAsBytes(Problems.toMap(problem));
    }
}
