package dev.e2ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The nginx gateway (compose and run-local) and the Kubernetes Ingress route the same paths the same way. */
class GatewayRoutingTests {

    /** One routing rule, in the Ingress's terms: Exact or Prefix (path-element) match, and the service. */
    record Route(String pathType, String path, String service) {}

    private static final Pattern LOCATION =
            Pattern.compile("location\\s+(=\\s+)?(/\\S*)\\s*\\{\\s*proxy_pass\\s+http://(\\w+);\\s*}");
    private static final Map<String, String> UPSTREAMS =
            Map.of("vault_service", "vault-service", "prompt_response_service", "prompt-response-service");

    @Test
    void nginxRoutesWhenParsedThenSendTheSpecPathsToPromptResponse() {
        assertThat(nginxRoutes())
                .filteredOn(r -> r.service().equals("prompt-response-service"))
                .containsExactlyInAnyOrder(
                        new Route("Exact", "/api/v1/envelopes/decrypt", "prompt-response-service"),
                        new Route("Exact", "/api/v1/prompts/process", "prompt-response-service"),
                        new Route("Prefix", "/api/v1/sessions", "prompt-response-service"),
                        new Route("Prefix", "/api/v1/responses", "prompt-response-service"));
        assertThat(nginxRoutes()).contains(new Route("Prefix", "/api/v1", "vault-service"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingressWhenRenderedThenRoutesExactlyLikeTheNginxGateway(String overlay) {
        Ingress ingress = Overlays.get(overlay).one(Ingress.class, "e2ee-gateway");
        Set<Route> ingressRoutes = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .map(p -> new Route(
                        p.getPathType(),
                        p.getPath(),
                        p.getBackend().getService().getName()))
                .collect(Collectors.toSet());
        assertThat(ingressRoutes).isEqualTo(nginxRoutes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingressWhenRenderedThenTheMetricsPathIsDeniedToEveryClient(String overlay) {
        List<Ingress> ingresses = Overlays.get(overlay).all(Ingress.class);
        String host = Overlays.get(overlay)
                .one(Ingress.class, "e2ee-gateway")
                .getSpec()
                .getRules()
                .get(0)
                .getHost();
        Ingress owner = null;
        String longest = "";
        for (Ingress ingress : ingresses) {
            for (var rule : ingress.getSpec().getRules()) {
                assertThat(rule.getHost())
                        .as(ingress.getMetadata().getName() + " host")
                        .isEqualTo(host);
                for (var path : rule.getHttp().getPaths()) {
                    if (matches(path.getPathType(), path.getPath(), SecurityPaths.METRICS)
                            && path.getPath().length() > longest.length()) {
                        longest = path.getPath();
                        owner = ingress;
                    }
                }
            }
        }
        assertThat(owner)
                .as("an Ingress path matching " + SecurityPaths.METRICS)
                .isNotNull();
        assertThat(longest).isEqualTo(SecurityPaths.METRICS);
        assertThat(owner.getMetadata().getAnnotations())
                .as("the Ingress that owns " + longest + " denies every client")
                .containsEntry("nginx.ingress.kubernetes.io/denylist-source-range", "0.0.0.0/0,::/0");
        assertThat(owner.getSpec().getRules().get(0).getHttp().getPaths())
                .as("the deny Ingress carries nothing but the metrics path")
                .allSatisfy(p -> assertThat(p.getPath()).isEqualTo(SecurityPaths.METRICS));
    }

    /** Ingress path matching: Exact is equality, Prefix matches whole path elements. */
    private static boolean matches(String pathType, String path, String request) {
        if ("Exact".equals(pathType)) {
            return path.equals(request);
        }
        String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return request.equals(prefix) || request.startsWith(prefix + "/");
    }

    /** Paths no gateway may route from outside. */
    static final class SecurityPaths {
        static final String METRICS = "/api/v1/metrics";

        private SecurityPaths() {}
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingressWhenRenderedThenTlsNginxClassAndTheGatewayLimits(String overlay) {
        Ingress ingress = Overlays.get(overlay).one(Ingress.class, "e2ee-gateway");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isEqualTo("e2ee-tls");
            assertThat(tls.getHosts())
                    .containsExactly(ingress.getSpec().getRules().get(0).getHost());
        });
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "1m")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "60");
        assertThat(RepositoryFiles.read("gateway/http.conf"))
                .contains("client_max_body_size 1m;")
                .contains("proxy_read_timeout 60s;");
    }

    @Test
    void gatewayConfigsWhenReadThenBothIncludeTheSharedRulesAndListenOn8080() {
        String compose = RepositoryFiles.read("gateway/nginx.conf");
        assertThat(compose)
                .contains("include /etc/nginx/e2ee/http.conf;", "include /etc/nginx/e2ee/routes.conf;")
                .contains("server vault-service:3000;", "server prompt-response-service:3001;")
                .contains("listen 8080;");
        String local = RepositoryFiles.read("gateway/nginx.local.conf.template");
        assertThat(local)
                .contains("include @GATEWAY_DIR@/http.conf;", "include @GATEWAY_DIR@/routes.conf;")
                .contains("server @VAULT_UPSTREAM@;", "server @PROMPT_UPSTREAM@;", "listen @LISTEN@;");
        assertThat(RepositoryFiles.read("scripts/run-local.sh"))
                .contains("GATEWAY_PORT=\"${GATEWAY_PORT:-8080}\"")
                .contains("gateway/nginx.local.conf.template");
    }

    @Test
    void gatewayWhenReadThenForwardsRequestIdsAndClientAddressesAndSetsSecurityHeaders() {
        String http = RepositoryFiles.read("gateway/http.conf");
        assertThat(http).contains("server_tokens off;").contains("map $http_x_request_id $e2ee_request_id");
        assertThat(RepositoryFiles.read("gateway/routes.conf"))
                .contains("proxy_set_header X-Request-ID $e2ee_request_id;")
                .contains("proxy_set_header X-Forwarded-For $remote_addr;")
                .contains("proxy_set_header X-Real-IP $remote_addr;")
                .contains("add_header X-Content-Type-Options \"nosniff\" always;")
                .contains("add_header Strict-Transport-Security $e2ee_hsts always;");
        assertThat(http).containsPattern("map \\$scheme \\$e2ee_hsts \\{\\s*https\\s+\"max-age=");
    }

    static Set<Route> nginxRoutes() {
        Matcher matcher = LOCATION.matcher(RepositoryFiles.read("gateway/routes.conf"));
        List<Route> exact = new ArrayList<>();
        Set<Route> routes = new HashSet<>();
        while (matcher.find()) {
            String service = UPSTREAMS.get(matcher.group(3));
            assertThat(service).as("upstream " + matcher.group(3)).isNotNull();
            String path = matcher.group(2);
            if (matcher.group(1) != null) {
                exact.add(new Route("Exact", path, service));
            } else {
                routes.add(new Route("Prefix", path.length() > 1 ? path.replaceAll("/$", "") : path, service));
            }
        }
        assertThat(routes).as("proxied prefix locations in gateway/routes.conf").isNotEmpty();
        // `= /p` next to `/p/` is the Ingress's path-element Prefix match of `/p`; alone it is Exact.
        for (Route route : exact) {
            Route prefixTwin = new Route("Prefix", route.path(), route.service());
            routes.add(routes.contains(prefixTwin) ? prefixTwin : route);
        }
        return routes;
    }
}
