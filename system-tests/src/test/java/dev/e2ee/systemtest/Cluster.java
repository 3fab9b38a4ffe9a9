package dev.e2ee.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The system under test, started once per test JVM and shared by every test class (JVM start-up is the cost):
 * the vault and two prompt-response instances as real processes, reaching the real PostgreSQL and Redis through
 * {@link TcpProxy}s (so outages can be simulated without touching the real servers), with the slow-LLM stand-in
 * as their processor endpoint. Stopped by a shutdown hook. Fault tests restart what they kill. Every service logs
 * ECS JSON ({@code LOG_FORMAT=json}) and exports every span ({@code TRACING_ENABLED=true}, sample rate 1) to
 * {@link #otlp}, so the end-of-suite scan covers logs and spans as production would write them.
 */
final class Cluster {

    static final String ISSUER = "https://system-test.e2ee.invalid";
    static final String ALLOWED_ORIGIN = "https://app.system-test.invalid";
    static final Duration STARTUP = Duration.ofSeconds(300);
    /** Jobs unacknowledged this long are taken over by another instance (short, so takeover tests are quick). */
    static final Duration CLAIM_IDLE = Duration.ofSeconds(8);

    private static Cluster instance;

    final Infra.Postgres postgres;
    final Infra.Redis redis;
    final KeyMaterial keys;
    final TcpProxy postgresProxy;
    final TcpProxy redisProxy;
    final LlmStub llm;
    final OtlpSink otlp;
    final Tokens tokens;
    final ServiceProcess vault;
    final List<ServiceProcess> prompts;
    final Path logDirectory;
    private final Map<ServiceProcess, CompletableFuture<Void>> restarting =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The running cluster; starts it on first use (skips or fails like {@link Infra} when something is missing). */
    static synchronized Cluster get() {
        if (instance == null) {
            instance = start();
        }
        instance.ensureRunning();
        return instance;
    }

    /** The cluster as it is (started on first use), without restarting what a fault test left stopped. */
    static synchronized Cluster current() {
        if (instance == null) {
            instance = start();
        }
        instance.postgresProxy.restore();
        instance.redisProxy.restore();
        return instance;
    }

    /** Index of a running prompt-response instance. */
    int livePrompt() {
        for (int i = 0; i < prompts.size(); i++) {
            if (prompts.get(i).alive()) {
                return i;
            }
        }
        throw new IllegalStateException("no prompt-response instance is running");
    }

    private Cluster(
            Infra.Postgres postgres,
            Infra.Redis redis,
            KeyMaterial keys,
            Path logDirectory,
            Path vaultJar,
            Path promptJar)
            throws IOException {
        this.postgres = postgres;
        this.redis = redis;
        this.keys = keys;
        this.logDirectory = logDirectory;
        this.postgresProxy = new TcpProxy("postgres", postgres.host(), postgres.port());
        this.redisProxy = new TcpProxy("redis", redis.host(), redis.port());
        this.llm = new LlmStub();
        this.otlp = new OtlpSink(logDirectory.resolve("spans.otlp"));
        this.tokens = new Tokens(keys.jwtSecret(), ISSUER);
        this.vault = new ServiceProcess(
                "vault", vaultJar, vaultEnvironment(), vaultArguments(), ServiceProcess.freePort(), logDirectory);
        List<ServiceProcess> list = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            list.add(new ServiceProcess(
                    "prompt" + i,
                    promptJar,
                    promptEnvironment(),
                    promptArguments(),
                    ServiceProcess.freePort(),
                    logDirectory));
        }
        this.prompts = List.copyOf(list);
    }

    private static Cluster start() {
        Infra.Postgres postgres = Infra.postgres();
        Infra.Redis redis = Infra.redis();
        Infra.clearRedisDatabase(redis);
        Path work = Infra.workDirectory().resolve("run-" + System.currentTimeMillis());
        try {
            Path vaultJar = Infra.snapshot(Infra.jar("e2ee.vault.jar"), work);
            Path promptJar = Infra.snapshot(Infra.jar("e2ee.prompt.jar"), work);
            Cluster cluster = new Cluster(
                    postgres,
                    redis,
                    KeyMaterial.generate(work.resolve("keys")),
                    work.resolve("logs"),
                    vaultJar,
                    promptJar);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAll, "system-test-cluster-stop"));
            List<ServiceProcess> all = cluster.all();
            all.forEach(ServiceProcess::start);
            awaitAll(all);
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitAll(List<ServiceProcess> processes) {
        List<CompletableFuture<Void>> ready = processes.stream()
                .map(process -> CompletableFuture.runAsync(() -> awaitReady(process)))
                .toList();
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Waits for readiness; a process that exits during startup is started again, at most twice. On an overloaded
     * machine a service can miss its 2 s Redis connection timeout while booting and exit (reported loudly).
     */
    private static void awaitReady(ServiceProcess process) {
        for (int attempt = 1; ; attempt++) {
            try {
                process.awaitReady(STARTUP);
                return;
            } catch (IllegalStateException e) {
                if (process.alive() || attempt >= 3) {
                    throw e;
                }
                System.err.println("[system-test] WARNING: " + process.name() + " exited during startup (attempt "
                        + attempt + "), starting it again:\n" + process.logTail(8));
                process.start();
            }
        }
    }

    List<ServiceProcess> all() {
        List<ServiceProcess> all = new ArrayList<>();
        all.add(vault);
        all.addAll(prompts);
        return all;
    }

    ServiceProcess prompt() {
        return prompts.get(0);
    }

    /** Restarts whatever a previous test left stopped, and ends any simulated outage. */
    synchronized void ensureRunning() {
        postgresProxy.restore();
        redisProxy.restore();
        List<ServiceProcess> stopped = all().stream()
                .filter(process -> !process.alive() && !restarting.containsKey(process))
                .toList();
        stopped.forEach(ServiceProcess::start);
        awaitAll(stopped);
    }

    /** Also waits for restarts begun with {@link #restartInBackground}: every process is ready afterwards. */
    synchronized void awaitAllReady() {
        restarting.values().forEach(CompletableFuture::join);
        restarting.clear();
        ensureRunning();
    }

    void restart(ServiceProcess process) {
        process.start();
        awaitReady(process);
    }

    /** Starts {@code process} again without waiting (start-up overlaps the next tests); see {@link #awaitAllReady}. */
    synchronized void restartInBackground(ServiceProcess process) {
        process.start();
        restarting.put(process, CompletableFuture.runAsync(() -> awaitReady(process)));
    }

    /** Every log file written so far by every process (including restarted ones). */
    List<Path> logs() {
        return all().stream().flatMap(process -> process.logs().stream()).toList();
    }

    private void stopAll() {
        all().forEach(ServiceProcess::retire);
        all().parallelStream().forEach(process -> process.terminate(Duration.ofSeconds(15)));
        llm.close();
        otlp.close();
        postgresProxy.close();
        redisProxy.close();
    }

    private Map<String, String> commonEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_SECRET", keys.jwtSecret());
        env.put("E2EE_BOOTSTRAP_ADMIN_API_KEY", keys.bootstrapApiKey());
        env.put(
                "E2EE_HPKE_PRIVATE_KEY_PATH",
                HpkeKeyFile.in(keys.signingPrivate().getParent()).toString());
        env.put("REDIS_HOST", "127.0.0.1");
        env.put("REDIS_PORT", Integer.toString(redisProxy.port()));
        env.put("SPRING_DATA_REDIS_DATABASE", Integer.toString(Infra.REDIS_DATABASE));
        env.put("ALLOWED_ORIGINS", ALLOWED_ORIGIN);
        // every test client is 127.0.0.1: the failed-authentication throttle (14.5) is exercised by the services'
        // integration tests, not here, where many tests expect their 401s
        env.put("RATE_LIMIT_AUTH_FAILURES_PER_MINUTE", "100000");
        env.put("LOG_LEVEL", "INFO");
        env.put("LOG_FORMAT", "json");
        env.put("TRACING_ENABLED", "true");
        env.put("TRACING_SAMPLE_RATE", "1.0");
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.baseUrl());
        return env;
    }

    private Map<String, String> vaultEnvironment() {
        Map<String, String> env = commonEnvironment();
        env.put("DATABASE_HOST", "127.0.0.1");
        env.put("DATABASE_PORT", Integer.toString(postgresProxy.port()));
        env.put("DATABASE_USER", postgres.user());
        env.put("DATABASE_PASSWORD", postgres.password());
        env.put("DATABASE_NAME", Infra.DATABASE);
        env.put("SENDER_PRIVATE_KEY_PATH", keys.signingPrivate().toString());
        env.put("RECEIVER_PUBLIC_KEY_PATH", keys.receivingPublic().toString());
        env.put("E2EE_KEK", keys.vaultKek());
        env.put("E2EE_PEPPER", keys.pepper());
        return env;
    }

    private Map<String, String> promptEnvironment() {
        Map<String, String> env = commonEnvironment();
        env.put("RECEIVER_PRIVATE_KEY_PATH", keys.receivingPrivate().toString());
        env.put("SENDER_PUBLIC_KEY_PATH", keys.signingPublic().toString());
        env.put("E2EE_KEK", keys.promptKek());
        env.put("PROMPT_PROCESSOR", "openai");
        env.put("OPENAI_BASE_URL", llm.baseUrl().toString());
        env.put("OPENAI_API_KEY", keys.llmApiKey());
        env.put("OPENAI_MODEL", "stub-model");
        return env;
    }

    private static List<String> common() {
        return List.of(
                "--e2ee.security.issuer=" + ISSUER, "--management.opentelemetry.tracing.export.schedule-delay=500ms");
    }

    private static List<String> vaultArguments() {
        List<String> arguments = new ArrayList<>(common());
        // the audit consumer's per-event line (event type, outcome, id; trace and request ids in the MDC)
        arguments.add("--logging.level.dev.e2ee.vault.audit.AuditStreamEntries=DEBUG");
        return arguments;
    }

    private static List<String> promptArguments() {
        List<String> arguments = new ArrayList<>(common());
        arguments.add("--e2ee.jobs.claim-idle=" + CLAIM_IDLE.toSeconds() + "s");
        arguments.add("--e2ee.jobs.reclaim-interval=1s");
        arguments.add("--e2ee.openai.read-timeout=30s");
        return arguments;
    }
}
