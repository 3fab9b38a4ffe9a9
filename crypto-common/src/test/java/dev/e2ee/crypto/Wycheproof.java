package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the Wycheproof vector files vendored under {@code src/test/resources/testvectors/wycheproof/} (Apache-2.0;
 * origin and hashes in {@code ORIGIN.md} there), so a fresh clone runs them with nothing beside it.
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
        JsonNode root = read(fileName);
        List<Case> cases = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                cases.add(new Case(group, test));
            }
        }
        return cases;
    }

    /**
     * Runs {@code check} on every case of the file that {@code selected} accepts and returns the problems it reports
     * (null: none), each named by its case; fails unless more than {@code minimum} cases were checked.
     */
    public static List<String> problems(
            String fileName, Predicate<Case> selected, int minimum, Function<Case, String> check) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Case c : cases(fileName)) {
            if (selected.test(c)) {
                checked++;
                String problem = check.apply(c);
                if (problem != null) {
                    failures.add(c.describe() + ": " + problem);
                }
            }
        }
        assertThat(checked).as("cases checked in %s", fileName).isGreaterThan(minimum);
        return failures;
    }

    private static JsonNode read(String fileName) {
        String resource = "/testvectors/wycheproof/" + fileName;
        try (InputStream in = Wycheproof.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
