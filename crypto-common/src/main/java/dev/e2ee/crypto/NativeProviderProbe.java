package dev.e2ee.crypto;

import dev.e2ee.crypto.CryptoProvider.Operation;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads Amazon Corretto Crypto Provider once and decides, per operation, whether it is used: an operation is bound to
 * ACCP only when ACCP performs it with the exact docs/envelope-format.md#algorithms parameters and its bytes interoperate with the JDK's in
 * both directions (see {@link NativeSelfTest}); otherwise that operation falls back to the JDK provider.
 */
final class NativeProviderProbe {

    record Result(Optional<CryptoProvider> provider, String reason) {}

    private static final class Holder {
        static final Result RESULT = probe();
    }

    private NativeProviderProbe() {}

    static Result result() {
        return Holder.RESULT;
    }

    private static Result probe() {
        String problem;
        try {
            problem = AccpLoader.problem();
        } catch (LinkageError e) {
            return new Result(
                    Optional.empty(),
                    "ACCP not on the classpath or not loadable (" + e.getClass().getSimpleName() + ")");
        }
        if (problem != null) {
            return new Result(Optional.empty(), problem);
        }
        Provider accp = AccpLoader.instance();
        return new Result(Optional.of(select(accp, AccpLoader.version(accp))), null);
    }

    static CryptoProvider select(Provider accp, String version) {
        NativeSelfTest test = new NativeSelfTest(accp);
        Map<Operation, Provider> providers = new EnumMap<>(Operation.class);
        Map<Operation, String> reasons = new EnumMap<>(Operation.class);
        KeyPair keyPair = test.keyPair();
        for (Operation operation : Operation.values()) {
            String failure = test.run(operation, keyPair);
            providers.put(operation, failure == null ? accp : JdkProviders.provider(operation));
            if (failure != null) {
                reasons.put(operation, failure);
            }
        }
        return new CryptoProvider("native", version, providers, reasons);
    }

    static String describeFailure(Throwable failure) {
        String message = failure instanceof GeneralSecurityException ? failure.getMessage() : null;
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
