package dev.e2ee.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code e2ee} CLI (target/e2ee.jar, run as its own process) against the real services. */
class CliSystemTests {

    private final Cluster cluster = Cluster.get();

    @TempDir
    Path config;

    record Run(int exit, String out, String err) {}

    private Run e2ee(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(Path.of(System.getProperty("e2ee.cli.jar")).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("E2EE_CONFIG_DIR", config.toString());
        env.put("E2EE_URL", cluster.vault.base().toString());
        env.put("E2EE_PROMPT_URL", cluster.prompt().base().toString());
        env.put("E2EE_API_KEY", cluster.keys.bootstrapApiKey());
        Path out = Files.createTempFile(config, "out", ".txt");
        Path err = Files.createTempFile(config, "err", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out).trim(),
                Files.readString(err).trim());
    }

    @Test
    void cliWhenLoggedInThenItStoresReadsSealsAndProcessesAPrompt() throws Exception {
        Run login = e2ee("login");
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve("tokens.json"))))
                .isEqualTo("rw-------");

        String text = Sensitive.promptText();
        String secret = Sensitive.secret();
        Run created = e2ee("prompt", "create", "--text", text, "--secret", secret);
        assertThat(created.exit()).as(created.err()).isZero();
        String id = created.out();
        assertThat(e2ee("prompt", "get", id).out()).isEqualTo(text);

        Path envelope = config.resolve("envelope.json");
        Run sealed =
                e2ee("envelope", "create", id, "--secret", secret, "--expires-in", "10m", "--out", envelope.toString());
        assertThat(sealed.exit()).as(sealed.err()).isZero();
        Run processed = e2ee("process", "--envelope", envelope.toString(), "--format", "text");
        assertThat(processed.exit()).as(processed.err()).isZero();
        assertThat(processed.out()).contains(text);
    }

    @Test
    void cliWhenTheServerRefusesOrCannotBeReachedOrTheLineIsWrongThenExitCodesSaySo() throws Exception {
        Run refused = e2ee("prompt", "get", UUID.randomUUID().toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("refused: 404");

        Run unreachable = e2ee("prompt", "get", "x", "--url", "http://127.0.0.1:1");
        assertThat(unreachable.exit()).isEqualTo(3);

        Run usage = e2ee("prompt", "create", "--text", "t");
        assertThat(usage.exit()).isEqualTo(1);
        assertThat(usage.err()).contains("--secret");
    }

    @Test
    void importWhenRunTwiceThenEveryFileBecomesAPromptOnceAndTheSecondRunSkipsThem() throws Exception {
        Path dir = Files.createDirectories(config.resolve("prompts"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(dir.resolve("p" + i + ".txt"), Sensitive.promptText(), StandardCharsets.UTF_8);
        }
        String secret = Sensitive.secret();

        Run first = e2ee("import", dir.toString(), "--secret", secret);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("3 created, 0 failed");

        Run second = e2ee("import", dir.toString(), "--secret", secret);
        assertThat(second.out()).isEqualTo("0 created, 0 failed, 3 skipped");
    }
}
