package dev.e2ee.cli;

import dev.e2ee.client.Models.IssuedEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "envelope", mixinStandardHelpOptions = true, description = "Envelopes from the vault.")
final class EnvelopeCommand {

    @Spec
    CommandSpec spec;

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Ask the vault for an envelope (its signature is checked); prints it or writes --out.")
    int create(
            @Mixin ClientOptions options,
            @Parameters(paramLabel = "PROMPT_ID") String promptId,
            @Option(names = "--secret", required = true) String secret,
            @Option(names = "--audience", description = "The principal that may open it (default: you).")
                    String audience,
            @Option(names = "--expires-in", description = "Lifetime: 30m, 2h, 1d or ISO-8601 (PT2H).") String expiresIn,
            @Option(names = "--out", description = "Write the envelope JSON to this file (mode 0600).") Path out) {
        IssuedEnvelope envelope = options.client().createEnvelope(promptId, secret, audience, duration(expiresIn));
        if (out == null) {
            spec.commandLine().getOut().println(envelope.json());
            spec.commandLine().getOut().flush();
            return 0;
        }
        try {
            Files.writeString(out, envelope.json(), StandardCharsets.UTF_8);
            TokenCache.Private.restrict(out, "rw-------");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Output.print(
                spec.commandLine().getOut(),
                options.json,
                Map.of("id", envelope.id(), "file", out.toString()),
                envelope.id() + " -> " + out);
        return 0;
    }

    static Duration duration(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
                return Duration.parse(text);
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException(text);
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new E2eeCli.UsageException("--expires-in: not a duration: " + text + " (try 30m, 2h, 1d, PT2H)");
        }
    }
}
