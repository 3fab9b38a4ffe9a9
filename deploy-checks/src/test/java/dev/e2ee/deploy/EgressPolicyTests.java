package dev.e2ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14.9: the prompt-response service (it holds plaintext) reaches nothing outside the cluster unless the
 * opt-in {@code k8s/components/openai-egress} component is added.
 */
class EgressPolicyTests {

    private static final Map<String, String> PRS = Map.of("app.kubernetes.io/name", "prompt-response-service");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void renderedManifestsWhenNoComponentThenPromptResponseHasNoInternetEgress(String name) {
        RenderedOverlay rendered = name.equals("base")
                ? RenderedOverlay.kustomized("base", RepositoryFiles.path("k8s/base"))
                : Overlays.get(name);

        assertThat(internetPeers(rendered))
                .as(name + ": egress peers of prompt-response-service to /0")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayWhenOpenAiEgressComponentAddedThenOnlyPromptResponseGetsHttpsOutside(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.withComponent(overlay, "openai-egress", dir);

        NetworkPolicy llm = rendered.one(NetworkPolicy.class, "prompt-response-service-egress-llm");
        assertThat(llm.getSpec().getPodSelector().getMatchLabels()).isEqualTo(PRS);
        assertThat(llm.getSpec().getEgress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getPort().getIntVal()).isEqualTo(443);
                assertThat(port.getProtocol()).isEqualTo("TCP");
            });
            assertThat(rule.getTo())
                    .singleElement()
                    .satisfies(peer -> assertThat(peer.getIpBlock().getExcept())
                            .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"));
        });
        assertThat(internetPeers(rendered)).hasSize(1);
        assertThat(rendered.all(NetworkPolicy.class))
                .filteredOn(p -> !selectsPromptResponse(p.getSpec().getPodSelector()))
                .allSatisfy(p -> assertThat(p.getSpec().getEgress())
                        .as(p.getMetadata().getName())
                        .allSatisfy(rule -> assertThat(rule.getTo())
                                .noneSatisfy(
                                        peer -> assertThat(isInternet(peer)).isTrue())));
    }

    @Test
    void componentWhenReadThenIsAKustomizeComponentNotReferencedByAnyOverlay() {
        assertThat(RepositoryFiles.read("k8s/components/openai-egress/kustomization.yaml"))
                .contains("kind: Component");
        for (String kustomization : List.of(
                "k8s/base/kustomization.yaml",
                "k8s/overlays/dev/kustomization.yaml",
                "k8s/overlays/prod/kustomization.yaml")) {
            assertThat(RepositoryFiles.read(kustomization)).doesNotContain("openai-egress");
        }
    }

    private static List<NetworkPolicyPeer> internetPeers(RenderedOverlay rendered) {
        return rendered.all(NetworkPolicy.class).stream()
                .filter(p -> selectsPromptResponse(p.getSpec().getPodSelector()))
                .filter(p -> p.getSpec().getEgress() != null)
                .flatMap(p -> p.getSpec().getEgress().stream())
                .flatMap(rule -> rule.getTo().stream())
                .filter(EgressPolicyTests::isInternet)
                .toList();
    }

    /** An ipBlock whose CIDR has a zero prefix (0.0.0.0/0, ::/0): the whole internet, whatever it excepts. */
    private static boolean isInternet(NetworkPolicyPeer peer) {
        return peer.getIpBlock() != null && peer.getIpBlock().getCidr().endsWith("/0");
    }

    private static boolean selectsPromptResponse(LabelSelector selector) {
        Map<String, String> labels = selector.getMatchLabels();
        boolean byLabels = labels == null || PRS.entrySet().containsAll(labels.entrySet());
        boolean byExpressions = selector.getMatchExpressions() == null
                || selector.getMatchExpressions().stream()
                        .allMatch(e -> e.getKey().equals("app.kubernetes.io/name")
                                && e.getOperator().equals("In")
                                && e.getValues().contains("prompt-response-service"));
        return byLabels && byExpressions;
    }
}
