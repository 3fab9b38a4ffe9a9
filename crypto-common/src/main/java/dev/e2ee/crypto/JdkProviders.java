package dev.e2ee.crypto;

import dev.e2ee.crypto.CryptoProvider.Operation;
import java.security.Provider;
import java.security.Security;
import java.util.EnumMap;
import java.util.Map;

/** The JDK's own providers, looked up once by name (SunJCE for ciphers and MACs, SunRsaSign for RSA). */
final class JdkProviders {

    private static final Map<Operation, Provider> PROVIDERS = java.util.Collections.unmodifiableMap(lookup());

    private JdkProviders() {}

    static CryptoProvider jdk(String note) {
        return new CryptoProvider("jdk", note, PROVIDERS, Map.of());
    }

    static Provider provider(Operation operation) {
        return PROVIDERS.get(operation);
    }

    private static Map<Operation, Provider> lookup() {
        Provider sunJce = required("SunJCE");
        Provider sunRsaSign = required("SunRsaSign");
        Map<Operation, Provider> providers = new EnumMap<>(Operation.class);
        providers.put(Operation.AES_GCM, sunJce);
        providers.put(Operation.RSA_OAEP, sunJce);
        providers.put(Operation.HMAC_SHA256, sunJce);
        providers.put(Operation.RSA_PSS, sunRsaSign);
        providers.put(Operation.RSA_KEY_GENERATION, sunRsaSign);
        providers.put(Operation.RSA_KEY_FACTORY, sunRsaSign);
        return providers;
    }

    private static Provider required(String name) {
        Provider provider = Security.getProvider(name);
        if (provider == null) {
            throw new IllegalStateException("JDK provider " + name + " is not installed");
        }
        return provider;
    }
}
