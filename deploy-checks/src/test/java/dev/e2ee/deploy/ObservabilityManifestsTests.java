package dev.e2ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18 (logs and traces): JSON logs in prod and the images, tracing off unless the opt-in
 * {@code k8s/components/tracing} component is added, and nothing on the way in that would drop or rewrite the W3C
 * {@code traceparent}/{@code tracestate} headers (nginx and ingress-nginx forward request headers unless told not
 * to; GatewayBehaviourTests shows the local gateway does).
 */
class ObservabilityManifestsTests {

    /** Directives/annotations that could strip, replace or generate trace headers on the way to the services. */
    private static final List<String> HEADER_REWRITES = List.of(
            "proxy_pass_request_headers",
            "proxy_set_header traceparent",
            "proxy_set_header tracestate",
            "opentelemetry",
            "configuration-snippet",
            "proxy-set-headers");

    @TempDir
    Path dir;

    @Test
    void prodOverlayWhenRenderedThenJsonLogsAndTracingOff() {
        ConfigMap config = Overlays.get("prod").one(ConfigMap.class, "e2ee-config");

        assertThat(config.getData())
                .containsEntry("LOG_FORMAT", "json")
                .containsEntry("TRACING_ENABLED", "false")
                .doesNotContainKey("OTEL_EXPORTER_OTLP_ENDPOINT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.vault", "Dockerfile.prompt"})
    void imageWhenBuiltThenLogsJsonThroughTheOneSwitch(String dockerfile) {
        assertThat(RepositoryFiles.read(dockerfile))
                .contains("LOG_FORMAT=json")
                .doesNotContain("LOGGING_STRUCTURED_FORMAT_CONSOLE")
                .doesNotContain("SPRING_PROFILES_ACTIVE");
    }

    @Test
    void gatewayAndIngressWhenReadThenNothingRewritesTraceHeaders() {
        String gateway = RepositoryFiles.read("gateway/routes.conf")
                + RepositoryFiles.read("gateway/http.conf")
                + RepositoryFiles.read("gateway/nginx.conf");
        for (String rewrite : HEADER_REWRITES) {
            assertThat(gateway).as("gateway: " + rewrite).doesNotContainIgnoringCase(rewrite);
        }
        Ingress ingress = Overlays.get("prod").one(Ingress.class, "e2ee-gateway");
        assertThat(ingress.getMetadata().getAnnotations().keySet())
                .allSatisfy(annotation -> assertThat(HEADER_REWRITES)
                        .noneMatch(rewrite -> annotation.toLowerCase().contains(rewrite)));
    }

    @Test
    void tracingComponentWhenAddedToProdThenTracingOnAndOnlyOtlpEgressAdded() {
        RenderedOverlay withTracing = RenderedOverlay.withComponent("prod", "tracing", dir);

        assertThat(withTracing.one(ConfigMap.class, "e2ee-config").getData())
                .containsEntry("TRACING_ENABLED", "true")
                .containsEntry("LOG_FORMAT", "json")
                .containsKey("OTEL_EXPORTER_OTLP_ENDPOINT");
        NetworkPolicy otlp = withTracing.one(NetworkPolicy.class, "api-egress-otlp");
        assertThat(otlp.getSpec().getEgress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(4318));
            assertThat(rule.getTo())
                    .singleElement()
                    .satisfies(peer -> assertThat(peer.getIpBlock()).isNull());
        });
        assertThat(withTracing.all(NetworkPolicy.class))
                .hasSize(Overlays.get("prod").all(NetworkPolicy.class).size() + 1);
    }
}
