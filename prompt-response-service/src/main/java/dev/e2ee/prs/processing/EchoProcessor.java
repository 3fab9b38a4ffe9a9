package dev.e2ee.prs.processing;

import java.util.Map;

/** The default processor from the original design: returns {@code "Processed: <text>"}. */
final class EchoProcessor implements PromptProcessor {

    static final String MODEL = "echo";

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String model(ProcessOptions options) {
        return MODEL;
    }

    @Override
    public ProcessorResult process(ProcessorRequest request) {
        return new ProcessorResult(
                "Processed: " + request.promptText(),
                MODEL,
                Map.of("historyTurns", request.history().size()));
    }
}
