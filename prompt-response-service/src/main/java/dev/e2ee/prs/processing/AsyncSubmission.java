package dev.e2ee.prs.processing;

import dev.e2ee.platform.web.RequestContext;
import dev.e2ee.prs.job.JobStore;
import dev.e2ee.prs.session.SessionStore;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a prompt as an async job. A session named in the request is checked first, so a missing or foreign
 * session is a 404 at once rather than a failed job later.
 */
@Component
class AsyncSubmission {

    private final JobStore jobs;
    private final SessionStore sessions;
    private final JsonMapper json;

    AsyncSubmission(JobStore jobs, SessionStore sessions, JsonMapper json) {
        this.jobs = jobs;
        this.sessions = sessions;
        this.json = json;
    }

    UUID submit(PromptWork work) {
        if (work.sessionId() != null) {
            sessions.require(work.sessionId(), work.owner());
        }
        RequestContext context = RequestContext.current();
        return jobs.submit(work.owner(), context.requestId(), context.clientAddress(), json.writeValueAsString(work));
    }
}
