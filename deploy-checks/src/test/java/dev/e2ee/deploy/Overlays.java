package dev.e2ee.deploy;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each overlay rendered once per test run. */
final class Overlays {

    static final List<String> NAMES = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("vault-service", "prompt-response-service");

    private static final Map<String, RenderedOverlay> CACHE = new ConcurrentHashMap<>();

    private Overlays() {}

    static RenderedOverlay get(String name) {
        return CACHE.computeIfAbsent(name, RenderedOverlay::of);
    }

    /**
     * The overlay as kustomize renders it; the calling test is skipped (with {@code why} kustomize is needed) when
     * kubectl is missing and only the plain YAML files could be read.
     */
    static RenderedOverlay kustomized(String name, String why) {
        RenderedOverlay overlay = get(name);
        assumeThat(overlay.kustomized()).as(why).isTrue();
        return overlay;
    }
}
