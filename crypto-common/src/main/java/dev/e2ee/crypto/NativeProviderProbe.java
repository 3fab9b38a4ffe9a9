package dev.e2ee.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import dev.e2ee.crypto.CryptoProvider.Operation;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads Amazon Corretto Crypto Provider once and decides, per operation, whether it is used: an operation is bound to
 * ACCP only when ACCP performs it with the exact SPEC §3.1 parameters and its bytes interoperate with the JDK's in
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
        Provider accp;
        try {
            accp = load();
        } catch (LinkageError e) {
            return new Result(
                    Optional.empty(),
                    "ACCP classes or native library not loadable ("
                            + e.getClass().getSimpleName() + ")");
        }
        if (accp == null) {
            return new Result(Optional.empty(), "ACCP did not load on this platform");
        }
        return new Result(Optional.of(select(accp)), null);
    }

    private static Provider load() {
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        if (accp.getLoadingError() != null) {
            return null;
        }
        try {
            accp.assertHealthy();
        } catch (RuntimeException e) {
            return null;
        }
        return accp;
    }

    private static CryptoProvider select(Provider accp) {
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
        String version = accp.getName() + " " + ((AmazonCorrettoCryptoProvider) accp).getVersionStr();
        return new CryptoProvider("native", version, providers, reasons);
    }

    static String describeFailure(Throwable failure) {
        String message = failure instanceof GeneralSecurityException ? failure.getMessage() : null;
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
