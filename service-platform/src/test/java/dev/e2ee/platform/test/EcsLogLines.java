package dev.e2ee.platform.test;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ECS JSON lines of captured console output ({@code LOG_FORMAT=json}), with dotted-name field access. */
public final class EcsLogLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EcsLogLines() {}

    /** Every line that is a JSON object (other output, e.g. the banner or test runner lines, is skipped). */
    public static List<JsonNode> of(String output) {
        return output.lines()
                .filter(line -> line.startsWith("{") && line.endsWith("}"))
                .map(line -> (JsonNode) JSON.readTree(line))
                .toList();
    }

    /** The field by its ECS name, written flat ({@code "trace.id"}) or nested ({@code "trace":{"id"}}); or null. */
    public static String field(JsonNode line, String name) {
        if (line.has(name)) {
            return line.get(name).asString();
        }
        JsonNode node = line.at("/" + name.replace('.', '/'));
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }
}
