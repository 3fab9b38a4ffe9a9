package dev.e2ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Host programs some tests run (nginx, promtool): skipped with the reason when missing, failing in CI mode. */
final class HostTools {

    private HostTools() {}

    /**
     * The executable {@code command} on the PATH (or in /usr/sbin, /usr/local/sbin). Missing: the calling test fails
     * in CI mode ({@code -De2ee.ci=true}, .ci/run installs {@code debianPackage}) and is skipped otherwise.
     */
    static Path required(String command, String debianPackage, String tests) {
        Optional<Path> binary = find(command);
        if (Boolean.getBoolean("e2ee.ci")) {
            assertThat(binary)
                    .as("CI mode: " + command + " must be installed for the " + tests + " (Debian package "
                            + debianPackage + "; .ci/run installs it)")
                    .isPresent();
        }
        assumeThat(binary)
                .as(command + " is not installed: the " + tests + " are skipped")
                .isPresent();
        return binary.orElseThrow();
    }

    static Optional<Path> find(String command) {
        return Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
                        Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
