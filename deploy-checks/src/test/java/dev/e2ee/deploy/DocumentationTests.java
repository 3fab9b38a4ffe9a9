package dev.e2ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Cheap drift checks of the Markdown docs: links resolve, and the classes docs/architecture.md names exist. */
class DocumentationTests {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern CLASS_NAME = Pattern.compile("`@?([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)*)`");
    private static final Pattern JAVA_TYPE = Pattern.compile(
            "(?:\\b(?:class|interface|enum|record|@interface)\\s+(\\w+))|(?:^import\\s+(?:static\\s+)?[\\w.]*\\.(\\w+);)",
            Pattern.MULTILINE);

    @Test
    void markdownWhenLinksFollowedThenEveryRelativeFileAndAnchorExists() {
        List<String> markdown = RepositoryTree.files().stream()
                .filter(file -> file.endsWith(".md"))
                .toList();
        Map<String, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (String file : markdown) {
            for (String target : links(text(file))) {
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // http:, https:, mailto:
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                String resolved = path.isEmpty() ? file : resolve(file, path);
                if (resolved == null || !RepositoryFiles.path(resolved).toFile().exists()) {
                    broken.add(file + " → " + target + " (no such file)");
                } else if (anchor != null && resolved.endsWith(".md")) {
                    Set<String> known = anchors.computeIfAbsent(resolved, f -> headingAnchors(text(f)));
                    if (!known.contains(anchor)) {
                        broken.add(file + " → " + target + " (no such heading)");
                    }
                }
            }
        }
        assertThat(markdown).contains("README.md", "docs/architecture.md");
        assertThat(broken).as("broken links in the Markdown docs").isEmpty();
    }

    @Test
    void architectureWhenClassNamedInBackticksThenItIsDeclaredOrUsedInTheCode() {
        Set<String> types = new HashSet<>();
        for (String file : RepositoryTree.files()) {
            if (file.endsWith(".java")) {
                Matcher m = JAVA_TYPE.matcher(text(file));
                while (m.find()) {
                    types.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        Set<String> named = new HashSet<>();
        Matcher m = CLASS_NAME.matcher(text("docs/architecture.md"));
        while (m.find()) {
            named.add(m.group(1));
        }
        assertThat(named).as("class names found in docs/architecture.md").hasSizeGreaterThan(20);
        assertThat(named.stream().filter(name -> !types.contains(name)).sorted())
                .as("classes docs/architecture.md names that no Java file declares or imports (renamed or removed?)")
                .isEmpty();
    }

    @Test
    void headingAnchorsWhenComputedThenFollowGitHubRules() {
        assertThat(headingAnchors("## Audit stream (prompt-response → vault)\n### 14.1 Identity from `Redis`\n"
                        + "## Notes\n## Notes\n```\n# not a heading\n```\n"))
                .containsExactlyInAnyOrder(
                        "audit-stream-prompt-response--vault", "141-identity-from-redis", "notes", "notes-1");
    }

    private static String text(String file) {
        return RepositoryTree.text(file).orElseThrow();
    }

    /** Link targets outside fenced code blocks and inline code. */
    private static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        for (String line : prose(markdown)) {
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens, "-1", "-2"… for repeats. */
    static Set<String> headingAnchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(markdown)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String slug = m.group(1)
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-');
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    private static List<String> prose(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String resolve(String from, String path) {
        java.nio.file.Path base = java.nio.file.Path.of(from).getParent();
        java.nio.file.Path target = (base == null ? java.nio.file.Path.of(path) : base.resolve(path)).normalize();
        return target.startsWith("..") ? null : target.toString().replace('\\', '/');
    }
}
