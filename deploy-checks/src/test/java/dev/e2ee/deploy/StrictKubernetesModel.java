package dev.e2ee.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Turns manifests into fabric8 model objects, rejecting unknown fields. fabric8's models keep unknown
 * fields in an {@code additionalProperties} "any setter"; this mapper switches any-setters off, so a
 * misspelt or misplaced field fails with Jackson's "Unrecognized property" instead of being kept silently.
 */
final class StrictKubernetesModel {

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class));

    /**
     * Prometheus Operator resources (k8s/components/monitoring): fabric8 has no model for them, so they are kept as
     * {@link GenericKubernetesResource} (their fields in its additional properties); MonitoringComponentTests checks
     * them.
     */
    static final Set<String> CUSTOM_RESOURCES =
            Set.of("monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PrometheusRule");

    private static final YAMLMapper LENIENT = YAMLMapper.builder().build();

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .annotationIntrospector(new NoAnySetterIntrospector())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private StrictKubernetesModel() {}

    /** Every document of a (multi-document) YAML stream, as trees; empty documents are skipped. */
    static List<JsonNode> documents(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
            while (values.hasNextValue()) {
                JsonNode node = (JsonNode) values.nextValue();
                if (node != null && !node.isNull() && !node.isMissingNode() && !node.isEmpty()) {
                    documents.add(node);
                }
            }
        }
        return documents;
    }

    /** The typed object for one manifest; fails on an unsupported kind or any unknown field. */
    static HasMetadata typed(JsonNode manifest) {
        String key = manifest.path("apiVersion").asString("") + "/"
                + manifest.path("kind").asString("");
        if (CUSTOM_RESOURCES.contains(key)) {
            return LENIENT.treeToValue(manifest, GenericKubernetesResource.class);
        }
        Class<? extends HasMetadata> type = TYPES.get(key);
        if (type == null) {
            throw new IllegalArgumentException("unsupported or unexpected manifest type " + key);
        }
        return MAPPER.treeToValue(manifest, type);
    }

    static List<HasMetadata> typedAll(String yaml) {
        return documents(yaml).stream().map(StrictKubernetesModel::typed).toList();
    }

    private static final class NoAnySetterIntrospector extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
            return Boolean.FALSE;
        }
    }
}
