package dev.e2ee.deploy;

import static dev.e2ee.deploy.RepositoryFiles.list;
import static dev.e2ee.deploy.RepositoryFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: the topology, health-gated start order, ports, and no secrets in the file. */
class ComposeFileTests {

    private static final List<String> LONG_RUNNING =
            List.of("postgres", "redis", "vault-service", "prompt-response-service", "gateway");

    private final Map<Object, Object> services =
            map(RepositoryFiles.yaml("docker-compose.yml").get("services"));

    @Test
    void composeWhenParsedThenHasTheTopologyWithHealthchecksAndRestartPolicy() {
        assertThat(services.keySet())
                .containsExactlyInAnyOrder(
                        "keygen", "postgres", "redis", "vault-service", "prompt-response-service", "gateway");
        for (String name : LONG_RUNNING) {
            Map<Object, Object> service = service(name);
            assertThat(list(map(service.get("healthcheck")).get("test")))
                    .as(name + " healthcheck")
                    .isNotEmpty();
            assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped");
        }
        assertThat(service("keygen").get("restart")).isEqualTo("no");
        assertThat(list(service("postgres").get("volumes")))
                .anyMatch(v -> v.toString().startsWith("postgres-data:"));
    }

    @Test
    void composeWhenParsedThenPublishesTheGatewayOn8080AndTheServicesOnTheirPorts() {
        assertThat(list(service("gateway").get("ports"))).containsExactly("8080:8080");
        assertThat(list(service("vault-service").get("ports")))
                .singleElement()
                .asString()
                .endsWith(":3000:3000");
        assertThat(list(service("prompt-response-service").get("ports")))
                .singleElement()
                .asString()
                .endsWith(":3001:3001");
        assertThat(service("postgres").get("ports"))
                .as("databases stay private")
                .isNull();
        assertThat(service("redis").get("ports")).as("databases stay private").isNull();
        assertThat(list(service("gateway").get("volumes")))
                .contains(
                        "./gateway/routes.conf:/etc/nginx/e2ee/routes.conf:ro",
                        "./gateway/http.conf:/etc/nginx/e2ee/http.conf:ro");
    }

    @Test
    void composeWhenParsedThenStartsInHealthOrderAfterKeygen() {
        assertThat(dependsOn("vault-service"))
                .containsEntry("keygen", "service_completed_successfully")
                .containsEntry("postgres", "service_healthy")
                .containsEntry("redis", "service_healthy");
        assertThat(dependsOn("prompt-response-service"))
                .containsEntry("keygen", "service_completed_successfully")
                .containsEntry("redis", "service_healthy");
        assertThat(dependsOn("gateway"))
                .containsEntry("vault-service", "service_healthy")
                .containsEntry("prompt-response-service", "service_healthy");
    }

    @Test
    void composeWhenParsedThenSecretsComeFromTheKeysVolumeNeverFromTheFile() {
        for (String name : List.of("vault-service", "prompt-response-service")) {
            Map<Object, Object> environment = map(service(name).get("environment"));
            assertThat(environment.keySet())
                    .map(Object::toString)
                    .filteredOn(k -> k.matches(".*(SECRET|PASSWORD|KEY|KEK|PEPPER).*"))
                    .as(name)
                    .isNotEmpty()
                    .allSatisfy(k -> assertThat(k).matches(".*_(FILE|PATH)$"));
            assertThat(environment.values())
                    .filteredOn(v -> v.toString().startsWith("/"))
                    .allSatisfy(v -> assertThat(v.toString()).startsWith("/run/e2ee/"));
            assertThat(list(service(name).get("volumes"))).contains("dev-keys:/run/e2ee:ro");
        }
        assertThat(map(service("postgres").get("environment"))).containsKey("POSTGRES_PASSWORD_FILE");
        assertThat(list(service("keygen").get("volumes"))).contains("dev-keys:/keys");
        assertThat(map(RepositoryFiles.yaml("docker-compose.yml").get("volumes")))
                .containsKey("dev-keys");
    }

    @Test
    void composeWhenParsedThenBothServicesShareTheOneHpkeKeyTheKeygenWrites() {
        for (String name : List.of("vault-service", "prompt-response-service")) {
            assertThat(map(service(name).get("environment")))
                    .as(name)
                    .containsEntry("E2EE_HPKE_PRIVATE_KEY_PATH", "/run/e2ee/hpke-private.pem");
        }
        assertThat(RepositoryFiles.read("scripts/gen-dev-keys.sh"))
                .contains("write_once hpke-private.pem openssl genpkey -algorithm X25519");
    }

    @Test
    void composeWhenParsedThenRedisRequiresAPasswordTheServicesRead() {
        Map<Object, Object> redis = service("redis");
        assertThat(list(redis.get("command"))).contains("/run/e2ee/redis.conf");
        assertThat(list(redis.get("volumes"))).contains("dev-keys:/run/e2ee:ro");
        assertThat(dependsOn("redis")).containsEntry("keygen", "service_completed_successfully");
        assertThat(String.join(
                        " ",
                        list(map(redis.get("healthcheck")).get("test")).stream()
                                .map(Object::toString)
                                .toList()))
                .contains("REDISCLI_AUTH");
        for (String name : List.of("vault-service", "prompt-response-service")) {
            assertThat(map(service(name).get("environment")))
                    .as(name)
                    .containsEntry("REDIS_PASSWORD_FILE", "/run/e2ee/redis-password");
        }
        assertThat(RepositoryFiles.read("scripts/gen-dev-keys.sh"))
                .contains("write_once redis-password")
                .contains("requirepass");
    }

    @Test
    void serviceContainersWhenParsedThenBuildFromTheDockerfilesAndRunLockedDown() {
        Map<String, String> dockerfiles =
                Map.of("vault-service", "Dockerfile.vault", "prompt-response-service", "Dockerfile.prompt");
        dockerfiles.forEach((name, dockerfile) -> {
            Map<Object, Object> service = service(name);
            assertThat(map(service.get("build")).get("dockerfile")).isEqualTo(dockerfile);
            assertThat(service.get("read_only")).isEqualTo(true);
            assertThat(list(service.get("cap_drop"))).containsExactly("ALL");
        });
    }

    private Map<Object, Object> service(String name) {
        return map(services.get(name));
    }

    private Map<Object, Object> dependsOn(String name) {
        Map<Object, Object> conditions = new java.util.HashMap<>();
        map(service(name).get("depends_on")).forEach((k, v) -> conditions.put(k, map(v).get("condition")));
        return conditions;
    }
}
