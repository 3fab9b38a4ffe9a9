package dev.e2ee.crypto;

import static org.assertj.core.api.Assertions.fail;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;

/** The two provider paths every primitive is tested on: the JDK and the native (ACCP) set. */
public final class TestProviders {

    private TestProviders() {}

    /** Both paths as JUnit arguments named {@code jdk} and {@code native}. */
    public static Stream<Named<CryptoProvider>> both() {
        return Stream.of(Named.of("jdk", CryptoProvider.jdk()), Named.of("native", nativeOrSkip()));
    }

    /**
     * The native path; skipped where ACCP has no build for the platform, but failing in CI mode on linux-x86_64,
     * where it must load.
     */
    public static CryptoProvider nativeOrSkip() {
        return CryptoProvider.nativeProvider().orElseGet(() -> {
            String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch");
            if (Boolean.getBoolean("e2ee.ci") && os.contains("linux") && "amd64".equals(arch)) {
                fail("ACCP must load on linux-x86_64 in CI mode: "
                        + CryptoProvider.defaults().describe());
            }
            Assumptions.abort("native provider unavailable here: "
                    + CryptoProvider.defaults().describe());
            return null;
        });
    }
}
