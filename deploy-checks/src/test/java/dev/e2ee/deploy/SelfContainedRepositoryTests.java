package dev.e2ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fresh clone must be understandable on its own: no file may cite the specification folder the project was started
 * from, which is not part of the repository. Cite the repository's own docs instead (docs/architecture.md,
 * docs/envelope-format.md, docs/security.md, docs/settings.md, …).
 */
class SelfContainedRepositoryTests {

    /** Written in pieces so that this file does not match itself. */
    private static final List<String> OUTSIDE_REFERENCES =
            List.of("../" + "shared", "/work/" + "shared", "SPEC" + " §", "SPEC" + ".md");

    @Test
    void repositoryFilesWhenScannedThenNoneCitesTheOutsideSpecification() {
        List<String> citations = new ArrayList<>();
        for (String file : RepositoryTree.files()) {
            RepositoryTree.text(file).ifPresent(text -> {
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    for (String reference : OUTSIDE_REFERENCES) {
                        if (lines[i].contains(reference)) {
                            citations.add(file + ":" + (i + 1) + " cites \"" + reference + "\"");
                        }
                    }
                }
            });
        }
        assertThat(citations)
                .as("files that cite the specification outside the repository; point to the repository's docs instead")
                .isEmpty();
    }

    @Test
    void scanWhenRunThenSeesSourcesAndDocs() {
        assertThat(RepositoryTree.files())
                .contains("README.md", "docs/architecture.md", "pom.xml")
                .anyMatch(file -> file.startsWith("crypto-common/src/main/java/"))
                .noneMatch(file -> file.contains("/target/") || file.startsWith(".git/"));
    }
}
