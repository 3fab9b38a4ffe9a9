package dev.e2ee.deploy;

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
}
