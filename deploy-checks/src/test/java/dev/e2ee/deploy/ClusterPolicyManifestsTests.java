package dev.e2ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Autoscaling, disruption budgets, network policies, services, namespace and secrets of every overlay. */
class ClusterPolicyManifestsTests {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void hpasWhenRenderedThenOnePerServiceScalingThreeToTenOnCpuAndMemory(String overlay) {
        RenderedOverlay rendered = Overlays.get(overlay);
        assertThat(rendered.all(HorizontalPodAutoscaler.class)).hasSize(2);
        for (String service : Overlays.SERVICES) {
            var spec = rendered.one(HorizontalPodAutoscaler.class, service).getSpec();
            assertThat(spec.getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(spec.getScaleTargetRef().getName()).isEqualTo(service);
            assertThat(rendered.one(Deployment.class, spec.getScaleTargetRef().getName()))
                    .isNotNull();
            assertThat(spec.getMinReplicas()).as(service).isEqualTo(3);
            assertThat(spec.getMaxReplicas()).as(service).isEqualTo(10);
            Map<String, Integer> targets = spec.getMetrics().stream()
                    .collect(
                            Collectors.toMap(m -> m.getResource().getName(), ClusterPolicyManifestsTests::utilization));
            assertThat(targets).as(service).containsExactlyInAnyOrderEntriesOf(Map.of("cpu", 70, "memory", 80));
            assertThat(spec.getBehavior().getScaleDown().getStabilizationWindowSeconds())
                    .as(service)
                    .isEqualTo(300);
            var scaleUp = spec.getBehavior().getScaleUp();
            assertThat(scaleUp.getStabilizationWindowSeconds()).as(service).isZero();
            assertThat(scaleUp.getSelectPolicy()).as(service).isEqualTo("Max");
            assertThat(scaleUp.getPolicies())
                    .as(service + ": steps of 30 s, longer than a pod needs to get ready")
                    .isNotEmpty()
                    .allSatisfy(policy -> assertThat(policy.getPeriodSeconds()).isEqualTo(30));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void pdbsWhenRenderedThenKeepTwoPodsOfEachService(String overlay) {
        for (String service : Overlays.SERVICES) {
            PodDisruptionBudget pdb = Overlays.get(overlay).one(PodDisruptionBudget.class, service);
            assertThat(pdb.getSpec().getMinAvailable().getIntVal()).as(service).isEqualTo(2);
            assertThat(pdb.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesWhenRenderedThenDenyByDefaultAndAdmitOnlyGatewayAndPrometheus(String overlay) {
        RenderedOverlay rendered = Overlays.get(overlay);
        NetworkPolicy deny = rendered.one(NetworkPolicy.class, "default-deny-all");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        List<NetworkPolicyPeer> apiSources =
                rendered
                        .one(NetworkPolicy.class, "api-ingress-from-gateway-and-prometheus")
                        .getSpec()
                        .getIngress()
                        .stream()
                        .flatMap(rule -> rule.getFrom().stream())
                        .toList();
        assertThat(apiSources)
                .extracting(peer -> peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                .containsExactlyInAnyOrder("ingress-nginx", "monitoring");
        for (NetworkPolicy policy : rendered.all(NetworkPolicy.class)) {
            assertThat(policy.getSpec().getIngress())
                    .as(policy.getMetadata().getName() + ": every ingress rule names its sources")
                    .allSatisfy(rule -> assertThat(rule.getFrom()).isNotEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesWhenRenderedThenEgressOnlyToDataStoresAndDns(String overlay) {
        RenderedOverlay rendered = Overlays.get(overlay);
        assertThat(egressPorts(rendered.one(NetworkPolicy.class, "allow-dns-egress")))
                .containsOnly(53);
        assertThat(egressPorts(rendered.one(NetworkPolicy.class, "vault-service-egress-postgres")))
                .containsOnly(5432);
        assertThat(egressPorts(rendered.one(NetworkPolicy.class, "api-egress-redis")))
                .containsOnly(6379);
        assertThat(rendered.all(NetworkPolicy.class))
                .as("the LLM egress is the opt-in component k8s/components/openai-egress (EgressPolicyTests)")
                .noneMatch(p -> p.getMetadata().getName().equals("prompt-response-service-egress-llm"));
        for (NetworkPolicy policy : rendered.all(NetworkPolicy.class)) {
            assertThat(policy.getSpec().getEgress())
                    .as(policy.getMetadata().getName() + ": every egress rule names destinations and ports")
                    .allSatisfy(rule -> {
                        assertThat(rule.getTo()).isNotEmpty();
                        assertThat(rule.getPorts()).isNotEmpty();
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesWhenRenderedThenClusterIpOnlySoTheIngressIsTheEntryPoint(String overlay) {
        assertThat(Overlays.get(overlay).all(Service.class))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.getSpec().getType()).isEqualTo("ClusterIP"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlaysWhenRenderedThenEverythingIsInNamespaceE2eeWithTheSharedConfigMap(String overlay) {
        RenderedOverlay rendered = Overlays.kustomized(overlay, "namespaces are set by kustomize");
        assertThat(rendered.objects())
                .filteredOn(o -> !o.getKind().equals("Namespace"))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("e2ee"));
        assertThat(rendered.one(io.fabric8.kubernetes.api.model.ConfigMap.class, "e2ee-config")
                        .getData())
                .containsKeys("DATABASE_HOST", "REDIS_HOST", "REDIS_PORT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlaysWhenRenderedThenContainNoSecretSoApplyNeverOverwritesRealOnes(String overlay) {
        assertThat(Overlays.get(overlay).all(Secret.class)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void dataStoresWhenRenderedThenInClusterOnlyInDev(String overlay) {
        RenderedOverlay rendered = Overlays.get(overlay);
        List<String> statefulSets = rendered.all(StatefulSet.class).stream()
                .map(HasMetadata::getMetadata)
                .map(m -> m.getName())
                .toList();
        if (overlay.equals("dev")) {
            assertThat(statefulSets).containsExactly("postgres");
            assertThat(rendered.one(Deployment.class, "redis")).isNotNull();
        } else {
            assertThat(statefulSets).isEmpty();
            assertThat(rendered.all(Deployment.class)).hasSize(2);
        }
    }

    @org.junit.jupiter.api.Test
    void devRedisWhenRenderedThenRequiresThePasswordFromTheSecret() {
        RenderedOverlay rendered = Overlays.get("dev");
        io.fabric8.kubernetes.api.model.Container redis = rendered.one(Deployment.class, "redis")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);

        assertThat(redis.getArgs()).containsSubsequence("--requirepass", "$(REDIS_PASSWORD)");
        assertThat(redis.getEnv())
                .filteredOn(e -> e.getName().equals("REDIS_PASSWORD"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("e2ee-secrets");
                    assertThat(e.getValueFrom().getSecretKeyRef().getOptional()).isNotEqualTo(Boolean.TRUE);
                });
        assertThat(String.join(" ", redis.getReadinessProbe().getExec().getCommand()))
                .contains("REDISCLI_AUTH");
        for (String service : Overlays.SERVICES) {
            assertThat(rendered.one(Deployment.class, service)
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getEnv())
                    .filteredOn(e -> e.getName().equals("REDIS_PASSWORD"))
                    .singleElement()
                    .satisfies(
                            e -> assertThat(e.getValueFrom().getSecretKeyRef().getName())
                                    .isEqualTo("e2ee-secrets"));
        }
        assertThat(RepositoryFiles.read("k8s/overlays/dev/create-dev-secrets.sh"))
                .contains("--from-file=REDIS_PASSWORD=");
    }

    private static int utilization(MetricSpec metric) {
        assertThat(metric.getType()).isEqualTo("Resource");
        assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
        return metric.getResource().getTarget().getAverageUtilization();
    }

    private static List<Integer> egressPorts(NetworkPolicy policy) {
        assertThat(policy.getSpec().getPolicyTypes()).contains("Egress");
        return policy.getSpec().getEgress().stream()
                .flatMap(rule -> rule.getPorts().stream())
                .map(port -> port.getPort().getIntVal())
                .toList();
    }
}
