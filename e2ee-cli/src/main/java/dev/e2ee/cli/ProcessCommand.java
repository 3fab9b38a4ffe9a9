package dev.e2ee.cli;

import dev.e2ee.client.E2eeClient;
import dev.e2ee.client.Models.Accepted;
import dev.e2ee.client.Models.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "process",
        mixinStandardHelpOptions = true,
        description = "Process an envelope, or a text directly, in the prompt-response service.")
final class ProcessCommand implements Callable<Integer> {

    /** Exactly one of --envelope FILE and (--prompt-id ID) --text T. */
    static final class Input {
        @Option(names = "--envelope", required = true, description = "Envelope JSON file (from envelope create).")
        Path envelope;

        @ArgGroup(exclusive = false)
        Direct direct;
    }

    static final class Direct {
        @Option(names = "--prompt-id", description = "The prompt id to report (optional).")
        String promptId;

        @Option(names = "--text", required = true)
        String text;
    }

    @Mixin
    ClientOptions options;

    @ArgGroup(multiplicity = "1")
    Input input;

    @Option(names = "--format", defaultValue = "text", description = "json, text or xml (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--session", description = "Session id: the turn is added to it.")
    String session;

    @Option(names = "--async", description = "Submit as a job; prints its id.")
    boolean async;

    @Option(names = "--wait", description = "With --async: poll until the result is ready and print it.")
    boolean await;

    @Option(names = "--wait-timeout", defaultValue = "PT5M", description = "How long --wait polls (ISO-8601).")
    Duration waitTimeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        E2eeClient client = options.client();
        String envelope = input.envelope == null ? null : read(input.envelope);
        String promptId = input.direct == null ? null : input.direct.promptId;
        String text = input.direct == null ? null : input.direct.text;
        if (!async) {
            ProcessResult result = envelope != null
                    ? client.processEnvelope(envelope, format, session)
                    : client.processText(promptId, text, format, session);
            print(result);
            return 0;
        }
        Accepted accepted = client.submit(promptId, text, envelope, format, session);
        if (!await) {
            Output.print(
                    spec.commandLine().getOut(),
                    options.json,
                    Map.of("id", accepted.id(), "status", "pending"),
                    accepted.id());
            return 0;
        }
        print(poll(client, accepted.id()));
        return 0;
    }

    private ProcessResult poll(E2eeClient client, String id) {
        Instant deadline = Instant.now().plus(waitTimeout);
        long pauseMillis = 100;
        while (Instant.now().isBefore(deadline)) {
            Optional<ProcessResult> result = client.response(id, format);
            if (result.isPresent()) {
                return result.get();
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 2000);
        }
        throw new dev.e2ee.client.ConnectionFailedException("job " + id + " was not done within " + waitTimeout);
    }

    private void print(ProcessResult result) {
        boolean jsonBody = result.contentType().contains("json");
        String text = "text".equals(format) || !jsonBody ? result.body() : result.result();
        spec.commandLine().getOut().println(options.json && jsonBody ? result.body() : text);
        spec.commandLine().getOut().flush();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.e2ee.client.ConnectionFailedException("interrupted");
        }
    }
}
