package dev.e2ee.bench.crypto;

import dev.e2ee.crypto.CryptoProvider;

/** Resolves the {@code provider} benchmark parameter: {@code native} (ACCP, failing when absent) or {@code jdk}. */
final class Providers {

    private Providers() {}

    static CryptoProvider named(String name) {
        return switch (name) {
            case "native" ->
                CryptoProvider.nativeProvider()
                        .orElseThrow(() -> new IllegalStateException("native provider unavailable: "
                                + CryptoProvider.defaults().describe()));
            case "jdk" -> CryptoProvider.jdk();
            default -> throw new IllegalArgumentException("provider must be native or jdk, not " + name);
        };
    }
}
