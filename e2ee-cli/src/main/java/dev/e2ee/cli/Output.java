package dev.e2ee.cli;

import java.io.PrintWriter;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Prints a result as JSON ({@code --json}) or as text. */
final class Output {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Output() {}

    static void print(PrintWriter out, boolean json, Object value, String text) {
        out.println(json ? JSON.writeValueAsString(value) : text);
        out.flush();
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String json) {
        return JSON.readValue(json, Map.class);
    }
}
