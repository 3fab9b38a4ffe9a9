package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Wycheproof vector files from the folder named by system property {@code e2ee.testvectors} (set by the root
 * pom to {@code ../shared/testvectors}); never copied into the repository. When the folder is absent the test is
 * skipped with a message, except in CI mode ({@code -De2ee.ci=true}), where it fails.
 */
public final class Wycheproof {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Wycheproof() {}

    /** One test case with its group. */
    public record Case(JsonNode group, JsonNode test) {

        public int id() {
            return test.get("tcId").intValue();
        }

        public String result() {
            return test.get("result").stringValue();
        }

        public byte[] hex(String field) {
            return HexFormat.of().parseHex(test.get(field).stringValue());
        }

        public String describe() {
            return "tcId " + id() + " (" + result() + ", " + test.get("comment").stringValue() + ")";
        }
    }

    public static List<Case> cases(String fileName) {
        JsonNode root = JSON.readTree(file(fileName).toFile());
        List<Case> cases = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                cases.add(new Case(group, test));
            }
        }
        return cases;
    }

    static Path file(String fileName) {
        String configured = System.getProperty("e2ee.testvectors", "../../shared/testvectors");
        Path path = Path.of(configured, "wycheproof", fileName);
        if (!Files.isRegularFile(path)) {
            String message = "Wycheproof vectors not found at " + path.toAbsolutePath()
                    + " (set -De2ee.testvectors=<dir containing wycheproof/>)";
            if (Boolean.getBoolean("e2ee.ci")) {
                fail("CI mode: " + message);
            }
            Assumptions.abort(message);
        }
        return path;
    }
}
