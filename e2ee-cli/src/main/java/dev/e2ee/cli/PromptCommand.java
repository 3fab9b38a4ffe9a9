package dev.e2ee.cli;

import dev.e2ee.client.Models.Prompt;
import dev.e2ee.client.Models.PromptInfo;
import dev.e2ee.client.Models.PromptPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "prompt", mixinStandardHelpOptions = true, description = "Store, read, list, update, delete prompts.")
final class PromptCommand {

    @Spec
    CommandSpec spec;

    /** Where a prompt's text comes from: exactly one of --text and --file. */
    static final class TextSource {
        @Option(names = "--text", required = true, description = "The prompt text.")
        String text;

        @Option(names = "--file", required = true, description = "Read the prompt text from this file (UTF-8).")
        Path file;

        String read() {
            if (text != null) {
                return text;
            }
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new E2eeCli.UsageException("cannot read " + file + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Store a prompt; prints its id.")
    int create(
            @Mixin ClientOptions options,
            @ArgGroup(multiplicity = "1") TextSource source,
            @Option(names = "--secret", required = true, description = "The prompt's secret (needed for envelopes).")
                    String secret,
            @Option(names = "--metadata", description = "Metadata as a JSON object.") String metadata) {
        Map<String, Object> meta = metadata == null ? null : Output.parseObject(metadata);
        PromptInfo created = options.client().createPrompt(source.read(), secret, meta);
        Output.print(out(), options.json, created, created.id());
        return 0;
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print a prompt's text.")
    int get(@Mixin ClientOptions options, @Parameters(paramLabel = "ID") String id) {
        Prompt prompt = options.client().getPrompt(id);
        Output.print(out(), options.json, prompt, prompt.text());
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List prompts (metadata only).")
    int list(
            @Mixin ClientOptions options,
            @Option(names = "--search", description = "Only prompts containing this word.") String search,
            @Option(names = "--page", defaultValue = "1") int page,
            @Option(names = "--limit", defaultValue = "20") int limit) {
        PromptPage result = options.client().listPrompts(search, page, limit);
        String text = result.prompts().stream()
                .map(p -> p.id() + "  v" + p.version() + "  " + p.status())
                .collect(Collectors.joining(System.lineSeparator()));
        Output.print(out(), options.json, result, text.isEmpty() ? "(no prompts)" : text);
        return 0;
    }

    @Command(
            name = "update",
            mixinStandardHelpOptions = true,
            description = "Change a prompt's text, metadata or status.")
    int update(
            @Mixin ClientOptions options,
            @Parameters(paramLabel = "ID") String id,
            @Option(names = "--base-version", required = true, description = "The version the change is based on.")
                    int version,
            @Option(names = "--text") String text,
            @Option(names = "--file") Path file,
            @Option(names = "--metadata", description = "Metadata as a JSON object.") String metadata,
            @Option(names = "--status", description = "active or inactive.") String status) {
        String newText = text;
        if (file != null) {
            try {
                newText = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Object> meta = metadata == null ? null : Output.parseObject(metadata);
        PromptInfo updated = options.client().updatePrompt(id, newText, meta, status, version);
        Output.print(out(), options.json, updated, updated.id() + " v" + updated.version());
        return 0;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a prompt.")
    int delete(@Mixin ClientOptions options, @Parameters(paramLabel = "ID") String id) {
        options.client().deletePrompt(id);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("deleted", id);
        Output.print(out(), options.json, result, "deleted " + id);
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
