package dev.e2ee.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line without a server: help, usage errors, exit codes. The flows are in system-tests. */
class E2eeCliTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return E2eeCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpWhenAskedOnEveryCommandThenExitsZeroWithUsage() {
        List<String[]> commands = List.of(
                new String[] {"--help"},
                new String[] {"login", "--help"},
                new String[] {"prompt", "create", "--help"},
                new String[] {"prompt", "get", "--help"},
                new String[] {"prompt", "list", "--help"},
                new String[] {"prompt", "update", "--help"},
                new String[] {"prompt", "delete", "--help"},
                new String[] {"envelope", "create", "--help"},
                new String[] {"process", "--help"},
                new String[] {"session", "create", "--help"},
                new String[] {"session", "show", "--help"},
                new String[] {"session", "delete", "--help"},
                new String[] {"import", "--help"});
        for (String[] command : commands) {
            assertThat(run(command)).as(String.join(" ", command)).isZero();
        }
        assertThat(out.toString()).contains("Usage: e2ee prompt create", "--plaintext", "--api-key");
    }

    @Test
    void commandLineWhenARequiredOptionIsMissingThenExit1() {
        assertThat(run("prompt", "create", "--text", "t")).isEqualTo(1);
        assertThat(err.toString()).contains("--secret");
    }

    @Test
    void processWhenBothAnEnvelopeAndATextAreGivenThenExit1() {
        assertThat(run("process", "--envelope", "e.json", "--text", "t")).isEqualTo(1);
    }

    @Test
    void commandWhenTheServerCannotBeReachedThenExit3() {
        assertThat(run("prompt", "get", "some-id", "--url", "http://127.0.0.1:1", "--token", "t"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("cannot reach");
    }

    @Test
    void expiresInWhenGivenInShortOrIsoFormThenParsed() {
        assertThat(EnvelopeCommand.duration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(EnvelopeCommand.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(EnvelopeCommand.duration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(EnvelopeCommand.duration("PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> EnvelopeCommand.duration("5x")).isInstanceOf(E2eeCli.UsageException.class);
    }

    @Test
    void completionWhenGeneratedThenItIsABashScriptNamingTheCommands() {
        assertThat(run("generate-completion")).isZero();
        assertThat(out.toString()).contains("e2ee Bash Completion", "envelope", "import");
    }
}
