package dev.e2ee.prs.processing;

import java.util.Map;

/** A processor's answer: the text and processor-specific metadata (model, token usage, ...). */
public record ProcessorResult(String result, String model, Map<String, Object> details) {

    public ProcessorResult {
        details = Map.copyOf(details);
    }

    @Override
    public String toString() {
        return "ProcessorResult[model=" + model + ", resultChars=" + result.length() + "]";
    }
}
