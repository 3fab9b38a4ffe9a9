package dev.e2ee.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Image references, the Secret template, and the strictness of the manifest parser itself. */
class ImagesAndSecretsTests {

    @Test
    void prodImagesWhenRenderedThenPinnedAndNeverLatest() {
        RenderedOverlay prod = Overlays.kustomized("prod", "image overrides are applied by kustomize");
        assertThat(containers(prod)).isNotEmpty().allSatisfy(c -> {
            assertThat(c.getImage()).as(c.getName()).matches(".+[:@][^/]+$");
            assertThat(c.getImage()).as(c.getName()).doesNotEndWith(":latest");
            assertThat(c.getImagePullPolicy()).as(c.getName()).isEqualTo("Always");
        });
    }

    @Test
    void devImagesWhenRenderedThenTheLocallyBuiltDevTags() {
        RenderedOverlay dev = Overlays.kustomized("dev", "image overrides are applied by kustomize");
        assertThat(containers(dev))
                .extracting(Container::getImage)
                .contains("e2ee/vault-service:dev", "e2ee/prompt-response-service:dev")
                .noneMatch(image -> image.endsWith(":latest"));
    }

    @Test
    void secretTemplateWhenParsedThenPlaceholdersOnly() {
        List<HasMetadata> template = StrictKubernetesModel.typedAll(RepositoryFiles.read("k8s/secrets.template.yaml"));
        assertThat(template).extracting(HasMetadata::getKind).containsOnly("Secret");
        assertThat(template)
                .extracting(o -> o.getMetadata().getName())
                .containsExactlyInAnyOrder("e2ee-secrets", "e2ee-vault-keys", "e2ee-prompt-keys");
        for (HasMetadata object : template) {
            Secret secret = (Secret) object;
            assertThat(secret.getData()).as("no base64 data in the template").isNullOrEmpty();
            assertThat(secret.getStringData().values())
                    .as(secret.getMetadata().getName())
                    .allSatisfy(
                            value -> assertThat(value).startsWith("<REPLACE").doesNotContain("-----BEGIN"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretReferencesWhenRenderedThenEveryKeyIsInTheTemplate(String overlay) {
        Map<String, Set<String>> template = new HashMap<>();
        for (HasMetadata object : StrictKubernetesModel.typedAll(RepositoryFiles.read("k8s/secrets.template.yaml"))) {
            template.put(
                    object.getMetadata().getName(),
                    ((Secret) object).getStringData().keySet());
        }
        RenderedOverlay rendered = Overlays.get(overlay);
        for (Container container : containers(rendered)) {
            for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    var ref = env.getValueFrom().getSecretKeyRef();
                    assertThat(template.get(ref.getName()))
                            .as(container.getName() + " " + env.getName() + " → " + ref.getName())
                            .contains(ref.getKey());
                }
            }
        }
        for (Deployment deployment : rendered.all(Deployment.class)) {
            deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getSecret() != null)
                    .forEach(v -> assertThat(template).containsKey(v.getSecret().getSecretName()));
        }
    }

    @Test
    void strictParserWhenAFieldIsUnknownThenRejectsTheManifest() {
        String misspelt = RepositoryFiles.read("k8s/base/vault-service.yaml")
                .replace("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true");
        assertThat(misspelt).contains("readOnlyRootFileSystem");
        assertThatThrownBy(() -> StrictKubernetesModel.typedAll(misspelt))
                .hasMessageContaining("readOnlyRootFileSystem");
    }

    @Test
    void strictParserWhenAFieldIsMisplacedThenRejectsTheManifest() {
        String misplaced = RepositoryFiles.read("k8s/base/hpa.yaml").replaceFirst("  minReplicas: 3", "  replicas: 3");
        assertThatThrownBy(() -> StrictKubernetesModel.typedAll(misplaced)).hasMessageContaining("replicas");
    }

    private static List<Container> containers(RenderedOverlay overlay) {
        Stream<Container> deployments = overlay.all(Deployment.class).stream()
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream());
        Stream<Container> statefulSets = overlay.all(StatefulSet.class).stream()
                .flatMap(s -> s.getSpec().getTemplate().getSpec().getContainers().stream());
        return Stream.concat(deployments, statefulSets).toList();
    }
}
