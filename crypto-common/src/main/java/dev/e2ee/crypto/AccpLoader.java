package dev.e2ee.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;

/**
 * The only class that names ACCP types, so that a missing ACCP jar surfaces as a {@link LinkageError} when this class
 * is first used (caught by {@link NativeProviderProbe}) rather than when the probe itself is linked.
 */
final class AccpLoader {

    private AccpLoader() {}

    static Provider instance() {
        return AmazonCorrettoCryptoProvider.INSTANCE;
    }

    /** Null when ACCP's native library loaded and its self-tests pass, else why not (no stack trace). */
    static String problem() {
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        Throwable loadingError = accp.getLoadingError();
        if (loadingError != null) {
            return "ACCP native library did not load ("
                    + loadingError.getClass().getSimpleName() + ")";
        }
        try {
            accp.assertHealthy();
            return null;
        } catch (RuntimeException e) {
            return "ACCP self-tests failed (" + e.getClass().getSimpleName() + ")";
        }
    }

    static String version(Provider accp) {
        return accp.getName() + " " + ((AmazonCorrettoCryptoProvider) accp).getVersionStr();
    }
}
