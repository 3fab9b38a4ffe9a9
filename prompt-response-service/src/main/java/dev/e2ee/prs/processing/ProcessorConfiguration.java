package dev.e2ee.prs.processing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Chooses the {@link PromptProcessor} by {@code PROMPT_PROCESSOR}; an unknown name fails startup. */
@Configuration(proxyBeanMethods = false)
class ProcessorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProcessorConfiguration.class);

    @Bean
    PromptProcessor promptProcessor(
            ProcessorProperties processor,
            OpenAiProperties openAi,
            JsonMapper json,
            MeterRegistry meters,
            ObservationRegistry observations) {
        PromptProcessor chosen = switch (processor.type()) {
            case "echo" -> new EchoProcessor();
            case "openai" -> new OpenAiProcessor(openAi, new OpenAiClient(openAi, json, meters, observations));
            default ->
                throw new IllegalStateException(
                        "PROMPT_PROCESSOR must be 'echo' or 'openai', not '" + processor.type() + "'");
        };
        log.info("Prompt processor: {} (model {})", chosen.name(), chosen.model(ProcessOptions.defaults()));
        return chosen;
    }
}
