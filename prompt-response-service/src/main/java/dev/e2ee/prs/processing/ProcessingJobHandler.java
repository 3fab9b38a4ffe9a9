package dev.e2ee.prs.processing;

import dev.e2ee.prs.job.JobHandler;
import dev.e2ee.prs.job.JobRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Runs an async job: the payload is a {@link PromptWork}, the result the {@link PromptResponse} document. */
@Component
class ProcessingJobHandler implements JobHandler {

    private final ProcessingService processing;
    private final JsonMapper json;

    ProcessingJobHandler(ProcessingService processing, JsonMapper json) {
        this.processing = processing;
        this.json = json;
    }

    @Override
    public String run(JobRequest request) {
        PromptWork work = json.readValue(request.payload(), PromptWork.class);
        return json.writeValueAsString(processing.process(work));
    }
}
