package dev.e2ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service Deployments of every overlay: replicas, resources, probes, hardening, keys, scraping. */
class DeploymentManifestsTests {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void deploymentsWhenRenderedThenThreeReplicasWithTheSpecResources(String overlay) {
        for (String service : Overlays.SERVICES) {
            Deployment deployment = Overlays.get(overlay).one(Deployment.class, service);
            Container container = container(deployment);
            assertThat(deployment.getSpec().getReplicas()).as(service).isEqualTo(3);
            assertThat(container.getResources().getRequests())
                    .as(service + " requests")
                    .containsEntry("memory", new Quantity("256Mi"))
                    .containsEntry("cpu", new Quantity("250m"));
            assertThat(container.getResources().getLimits())
                    .as(service + " limits")
                    .containsEntry("memory", new Quantity("512Mi"))
                    .containsEntry("cpu", new Quantity("500m"));
            assertThat(deployment
                            .getSpec()
                            .getStrategy()
                            .getRollingUpdate()
                            .getMaxUnavailable()
                            .getIntVal())
                    .as(service + " rolling update keeps capacity")
                    .isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void deploymentsWhenRenderedThenProbeTheHealthEndpoints(String overlay) {
        for (String service : Overlays.SERVICES) {
            Container container = container(Overlays.get(overlay).one(Deployment.class, service));
            assertThat(httpPath(container.getLivenessProbe())).as(service).isEqualTo("/api/v1/health/live");
            assertThat(httpPath(container.getReadinessProbe())).as(service).isEqualTo("/api/v1/health/ready");
            assertThat(httpPath(container.getStartupProbe())).as(service).isEqualTo("/api/v1/health/live");
            assertThat(container.getStartupProbe().getFailureThreshold()
                            * container.getStartupProbe().getPeriodSeconds())
                    .as(service + " startup budget in seconds")
                    .isGreaterThanOrEqualTo(120);
            // a pod that started goes live, then ready, within 2 s (docs/performance.md, "Elastic start")
            assertThat(container.getStartupProbe().getPeriodSeconds())
                    .as(service)
                    .isLessThanOrEqualTo(2);
            assertThat(container.getReadinessProbe().getPeriodSeconds())
                    .as(service)
                    .isLessThanOrEqualTo(2);
            assertThat(container.getReadinessProbe().getTimeoutSeconds())
                    .as(service + " a probe answers within its period")
                    .isLessThanOrEqualTo(container.getReadinessProbe().getPeriodSeconds());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void deploymentsWhenRenderedThenRunHardened(String overlay) {
        for (String service : Overlays.SERVICES) {
            PodSpec pod = pod(overlay, service);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(service).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(service).isEqualTo(10001L);
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(service).isFalse();
            assertThat(pod.getTopologySpreadConstraints()).as(service).isNotEmpty();
            SecurityContext container = pod.getContainers().get(0).getSecurityContext();
            assertThat(container.getAllowPrivilegeEscalation()).as(service).isFalse();
            assertThat(container.getReadOnlyRootFilesystem()).as(service).isTrue();
            assertThat(container.getCapabilities().getDrop()).as(service).containsExactly("ALL");
            assertThat(mount(pod, "/tmp")).as(service + " writable /tmp").isNotNull();
            assertThat(volume(pod, mount(pod, "/tmp").getName()).getEmptyDir()).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void deploymentsWhenRenderedThenMountKeysReadOnlyFromSecrets(String overlay) {
        Map<String, String> keySecrets =
                Map.of("vault-service", "e2ee-vault-keys", "prompt-response-service", "e2ee-prompt-keys");
        for (String service : Overlays.SERVICES) {
            PodSpec pod = pod(overlay, service);
            VolumeMount keys = mount(pod, "/etc/e2ee/keys");
            assertThat(keys.getReadOnly()).as(service).isTrue();
            assertThat(volume(pod, keys.getName()).getSecret().getSecretName()).isEqualTo(keySecrets.get(service));
            assertThat(pod.getContainers().get(0).getEnv())
                    .filteredOn(
                            e -> e.getName().endsWith("_PATH") || e.getName().endsWith("_FILE"))
                    .as(service + " key paths point into the Secret mount")
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getValue()).startsWith("/etc/e2ee/keys/"));
            assertThat(pod.getContainers().get(0).getEnv())
                    .filteredOn(e -> e.getName().equals("JWT_SECRET"))
                    .singleElement()
                    .satisfies(
                            e -> assertThat(e.getValueFrom().getSecretKeyRef().getName())
                                    .isEqualTo("e2ee-secrets"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void podTemplatesWhenRenderedThenAnnotatedForPrometheus(String overlay) {
        for (String service : Overlays.SERVICES) {
            Deployment deployment = Overlays.get(overlay).one(Deployment.class, service);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .as(service)
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/api/v1/metrics")
                    .containsEntry(
                            "prometheus.io/port",
                            String.valueOf(
                                    container(deployment).getPorts().get(0).getContainerPort()));
        }
    }

    static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static String httpPath(Probe probe) {
        assertThat(probe).isNotNull();
        return probe.getHttpGet().getPath();
    }

    private static PodSpec pod(String overlay, String service) {
        return Overlays.get(overlay)
                .one(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getSpec();
    }

    private static VolumeMount mount(PodSpec pod, String path) {
        return pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at " + path));
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream()
                .filter(v -> v.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }
}
