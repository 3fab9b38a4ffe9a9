package dev.e2ee.cli;

import dev.e2ee.client.E2eeClient;
import dev.e2ee.client.E2eeClientException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every regular file of a folder becomes a prompt, several at a time. What was imported (file name and the SHA-256
 * of its content → prompt id) is remembered on this machine in {@code $E2EE_CONFIG_DIR/imports/}, mode 0600, so a
 * second run skips files already imported and imports changed ones again; the server is told nothing about files.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import every file of DIR as a prompt.")
final class ImportCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Mixin
    ClientOptions options;

    @Parameters(paramLabel = "DIR")
    Path dir;

    @Option(names = "--secret", required = true, description = "The secret of every imported prompt.")
    String secret;

    @Option(names = "--concurrency", defaultValue = "4", description = "Files sent at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Path> files = files();
        Path stateFile = stateFile();
        Map<String, String> done = new ConcurrentHashMap<>(readState(stateFile));
        E2eeClient client = options.client();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        Progress progress =
                new Progress(spec.commandLine().getErr(), files.size(), System.console() != null && !options.json);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency));
        for (Path file : files) {
            pool.submit(() -> {
                try {
                    byte[] content = Files.readAllBytes(file);
                    String key = file.getFileName() + ":" + sha256(content);
                    if (done.containsKey(key)) {
                        skipped.incrementAndGet();
                    } else {
                        Map<String, Object> metadata =
                                Map.of("source", file.getFileName().toString());
                        String id = client.createPrompt(new String(content, StandardCharsets.UTF_8), secret, metadata)
                                .id();
                        done.put(key, id);
                        created.incrementAndGet();
                    }
                } catch (IOException | E2eeClientException e) {
                    failed.incrementAndGet();
                    spec.commandLine().getErr().println("failed: " + file.getFileName() + ": " + e.getMessage());
                }
                progress.step();
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
        writeState(stateFile, done);
        progress.done();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("created", created.get());
        summary.put("skipped", skipped.get());
        summary.put("failed", failed.get());
        Output.print(
                spec.commandLine().getOut(),
                options.json,
                summary,
                created.get() + " created, " + failed.get() + " failed"
                        + (skipped.get() > 0 ? ", " + skipped.get() + " skipped" : ""));
        return failed.get() == 0 ? 0 : E2eeCli.REFUSED;
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) {
            throw new E2eeCli.UsageException("not a folder: " + dir);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path stateFile() throws IOException {
        String folder = dir.toAbsolutePath().normalize().toString();
        String name = sha256((options.url + "|" + folder).getBytes(StandardCharsets.UTF_8))
                        .substring(0, 32) + ".json";
        return TokenCache.configDir().resolve("imports").resolve(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> readState(Path file) throws IOException {
        return Files.isRegularFile(file) ? JSON.readValue(Files.readString(file), Map.class) : Map.of();
    }

    private static void writeState(Path file, Map<String, String> state) throws IOException {
        Path dir = Files.createDirectories(file.getParent());
        TokenCache.Private.restrict(dir, "rwx------");
        Path temp = Files.createTempFile(dir, "import", ".tmp");
        TokenCache.Private.restrict(temp, "rw-------");
        Files.writeString(temp, JSON.writeValueAsString(new java.util.TreeMap<>(state)));
        Files.move(
                temp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-line progress bar on a terminal; nothing otherwise. */
    static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final boolean enabled;
        private final AtomicInteger done = new AtomicInteger();

        Progress(PrintWriter err, int total, boolean enabled) {
            this.err = err;
            this.total = total;
            this.enabled = enabled;
        }

        void step() {
            int n = done.incrementAndGet();
            if (enabled) {
                int width = 30;
                int filled = total == 0 ? width : n * width / total;
                synchronized (err) {
                    err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + total);
                    err.flush();
                }
            }
        }

        void done() {
            if (enabled) {
                err.println();
            }
        }
    }
}
