package dev.e2ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The two service images: multi-stage, non-root, signal-safe entrypoint, health check, nothing secret. */
class DockerfileTests {

    @ParameterizedTest
    @CsvSource({"Dockerfile.vault, vault-service, 3000", "Dockerfile.prompt, prompt-response-service, 3001"})
    void dockerfileWhenReadThenMultiStageMavenBuildOnAJre25Runtime(String file, String module, int port) {
        String dockerfile = RepositoryFiles.read(file);
        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count())
                .isEqualTo(3);
        assertThat(dockerfile)
                .contains("ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-25")
                .contains("ARG RUNTIME_IMAGE=eclipse-temurin:25-jre")
                .contains("-pl vault-service,prompt-response-service -am dependency:go-offline")
                .contains("-pl vault-service,prompt-response-service -am package -DskipTests")
                .contains("EXPOSE " + port)
                .contains("ENV PORT=" + port);
        assertThat(dockerfile.indexOf("dependency:go-offline"))
                .as("the dependency layer comes before the sources are copied")
                .isLessThan(dockerfile.indexOf("COPY crypto-common/src"));
    }

    @ParameterizedTest
    @CsvSource({"Dockerfile.vault, vault-service, VAULT", "Dockerfile.prompt, prompt-response-service, PROMPT"})
    void dockerfileWhenReadThenATrainingStageWritesTheAotCacheTheRuntimeStartsWith(
            String file, String module, String service) {
        String dockerfile = RepositoryFiles.read(file);
        String runtimeImage = "FROM ${RUNTIME_IMAGE}";
        int training = dockerfile.indexOf(runtimeImage + " AS aot-train");
        int runtime = dockerfile.lastIndexOf(runtimeImage + "\n");
        assertThat(training)
                .as("the training stage runs on the runtime image's JVM")
                .isPositive();
        assertThat(runtime).isGreaterThan(training);
        String trainingStage = dockerfile.substring(training, runtime);
        String runtimeStage = dockerfile.substring(runtime);
        assertThat(trainingStage)
                .contains("postgresql redis-server")
                .contains("COPY scripts/aot-train.sh")
                .contains("AOT_JAVA_OPTS=\"$JAVA_OPTS\"")
                .as("trained where the runtime starts it: the cache records the class path")
                .contains("AOT_" + service + "_DIR=/app ")
                .containsPattern("(?m)^RUN .*\\\n.*scripts/aot-train.sh ");
        assertThat(javaOpts(trainingStage))
                .as("a cache made with other JVM options is rejected")
                .isEqualTo(javaOpts(runtimeStage));
        assertThat(runtimeStage)
                .contains("COPY --from=aot-train /app/app.aot ./")
                .contains("COPY --from=aot-train /app/" + module + ".jar ./")
                .contains("APP_JAR=" + module + ".jar");
        assertThat(RepositoryFiles.read("scripts/lib/container-entrypoint.sh"))
                .contains("-XX:AOTCache=/app/app.aot")
                .contains("-jar \"/app/${APP_JAR");
        assertThat(RepositoryFiles.read(".dockerignore"))
                .contains("!scripts/aot-train.sh", "!scripts/lib/infra.sh", "!scripts/gen-dev-keys.sh");
    }

    private static String javaOpts(String stage) {
        Matcher matcher = Pattern.compile("JAVA_OPTS=\"([^\"]+)\"").matcher(stage);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.vault", "Dockerfile.prompt"})
    void dockerfileWhenReadThenRunsAsFixedNonRootUserWithExecEntrypointAndHealthcheck(String file) {
        String dockerfile = RepositoryFiles.read(file);
        assertThat(dockerfile)
                .contains("useradd --system --uid 10001")
                .containsPattern("(?m)^USER 10001:10001$")
                .containsPattern("(?m)^ENTRYPOINT \\[\"/bin/sh\", \"/app/entrypoint.sh\"]$")
                .containsPattern("(?m)^HEALTHCHECK .*\\n.*/api/v1/health")
                .contains("-XX:MaxRAMPercentage=31.25", "-XX:+UseParallelGC", "-XX:TrimNativeHeapInterval=")
                .contains("-XX:+ExitOnOutOfMemoryError", "-XX:+UseCompactObjectHeaders")
                .containsPattern("(?m)^\\s+MALLOC_ARENA_MAX=2 \\\\$")
                .contains("org.opencontainers.image.title", "org.opencontainers.image.revision");
        assertThat(dockerfile.lastIndexOf("USER 10001")).isGreaterThan(dockerfile.lastIndexOf("RUN "));
        assertThat(RepositoryFiles.read("scripts/lib/container-entrypoint.sh")).contains("exec java ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.vault", "Dockerfile.prompt"})
    void dockerfileWhenReadThenCopiesEveryReactorPomAndNoKeys(String file) {
        String dockerfile = RepositoryFiles.read(file);
        for (String module : reactorModules()) {
            assertThat(dockerfile).contains("COPY " + module + "/pom.xml " + module + "/");
            assertThat(RepositoryFiles.read(".dockerignore")).contains("!" + module + "/pom.xml");
        }
        assertThat(dockerfile).doesNotContainPattern("(?i)COPY\\s+\\S*(\\.pem|\\.key|dev-keys|\\.local)");
        assertThat(dockerfile).doesNotContainPattern("(?im)^ENV .*(SECRET|PASSWORD|KEK|PEPPER)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"**/*.pem", "**/*.key", "**/dev-keys/**", "**/.local/**", "**/target/**"})
    void dockerignoreWhenReadThenKeepsKeysAndBuildOutputOutOfTheContext(String pattern) {
        List<String> lines = RepositoryFiles.read(".dockerignore").lines().toList();
        assertThat(lines.get(lines.indexOf("**"))).isEqualTo("**");
        assertThat(lines).contains(pattern);
    }

    /** The modules of the root pom's default build (outside profiles): each one's pom must be in the image. */
    static List<String> reactorModules() {
        String pom = RepositoryFiles.read("pom.xml");
        String defaultModules = pom.substring(pom.indexOf("<modules>"), pom.indexOf("</modules>"));
        Matcher matcher = Pattern.compile("<module>([^<]+)</module>").matcher(defaultModules);
        return matcher.results().map(m -> m.group(1)).toList();
    }
}
