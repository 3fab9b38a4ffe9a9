package dev.e2ee.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Which JCA provider performs which operation. The {@link Provider} object is passed to every {@code getInstance}
 * call; the global provider order is never changed.
 *
 * <p>{@link #defaults()} uses Amazon Corretto Crypto Provider (native, AWS-LC) for each operation it loads and
 * passes an interoperability self-test for with the exact parameters of docs/envelope-format.md#algorithms, and the JDK providers for
 * everything else. System property {@value #PROPERTY}{@code =jdk} or environment variable {@value #ENVIRONMENT}
 * {@code =jdk} forces the JDK for every operation. Nothing is logged here: services log {@link #describe()} once.
 */
public final class CryptoProvider {

    public static final String PROPERTY = "e2ee.crypto.provider";
    public static final String ENVIRONMENT = "E2EE_CRYPTO_PROVIDER";

    static final String AES_GCM_TRANSFORMATION = "AES/GCM/NoPadding";
    static final String RSA_OAEP_TRANSFORMATION = "RSA/ECB/OAEPPadding";
    static final String RSA_PSS_ALGORITHM = "RSASSA-PSS";
    static final String HMAC_ALGORITHM = "HmacSHA256";
    static final OAEPParameterSpec OAEP_SHA256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    static final PSSParameterSpec PSS_SHA256 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC);

    /** The operations crypto-common performs, each bound to one provider. */
    public enum Operation {
        AES_GCM("AES-GCM"),
        RSA_OAEP("RSA-OAEP-256"),
        RSA_PSS("RSA-PSS-SHA256"),
        RSA_KEY_GENERATION("RSA key generation"),
        RSA_KEY_FACTORY("RSA key factory"),
        HMAC_SHA256("HMAC-SHA256");

        private final String label;

        Operation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String name;
    private final String note;
    private final Map<Operation, Provider> providers;
    private final Map<Operation, String> fallbackReasons;

    CryptoProvider(
            String name, String note, Map<Operation, Provider> providers, Map<Operation, String> fallbackReasons) {
        this.name = name;
        this.note = note;
        this.providers = Collections.unmodifiableMap(copy(providers));
        this.fallbackReasons = Collections.unmodifiableMap(copy(fallbackReasons));
        for (Operation operation : Operation.values()) {
            Objects.requireNonNull(this.providers.get(operation), operation.label());
        }
    }

    private static <V> Map<Operation, V> copy(Map<Operation, V> source) {
        Map<Operation, V> copy = new EnumMap<>(Operation.class);
        copy.putAll(source);
        return copy;
    }

    /** Native where available and not forced off; see the class comment. */
    public static CryptoProvider defaults() {
        String forced = forcedValue();
        if ("jdk".equals(forced)) {
            return JdkProviders.jdk("forced by " + PROPERTY + "/" + ENVIRONMENT + "=jdk");
        }
        NativeProviderProbe.Result probe = NativeProviderProbe.result();
        return probe.provider().orElseGet(() -> JdkProviders.jdk("native provider unavailable: " + probe.reason()));
    }

    /** The JDK's own providers (SunJCE, SunRsaSign) for every operation. */
    public static CryptoProvider jdk() {
        return JdkProviders.jdk(null);
    }

    /** Amazon Corretto Crypto Provider where it loads here (per-operation JDK fallback included), else empty. */
    public static Optional<CryptoProvider> nativeProvider() {
        return NativeProviderProbe.result().provider();
    }

    private static String forcedValue() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    /** {@code native} or {@code jdk}. */
    public String name() {
        return name;
    }

    /** The provider bound to an operation (never null). */
    public Provider provider(Operation operation) {
        return providers.get(Objects.requireNonNull(operation, "operation"));
    }

    /** One line naming the provider of each operation and why any operation fell back to the JDK. */
    public String describe() {
        StringJoiner operations = new StringJoiner(", ");
        for (Operation operation : Operation.values()) {
            String reason = fallbackReasons.get(operation);
            operations.add(operation.label() + "=" + providers.get(operation).getName()
                    + (reason == null ? "" : " (native: " + reason + ")"));
        }
        return "crypto provider " + name + (note == null ? "" : " [" + note + "]") + ": " + operations;
    }

    @Override
    public String toString() {
        return describe();
    }

    Cipher aesGcmCipher() throws GeneralSecurityException {
        return Cipher.getInstance(AES_GCM_TRANSFORMATION, provider(Operation.AES_GCM));
    }

    Cipher rsaOaepCipher() throws GeneralSecurityException {
        return Cipher.getInstance(RSA_OAEP_TRANSFORMATION, provider(Operation.RSA_OAEP));
    }

    Signature rsaPssSignature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(RSA_PSS_ALGORITHM, provider(Operation.RSA_PSS));
        signature.setParameter(PSS_SHA256);
        return signature;
    }

    Mac hmacSha256() throws GeneralSecurityException {
        return Mac.getInstance(HMAC_ALGORITHM, provider(Operation.HMAC_SHA256));
    }

    /** A fresh RSA key factory from this provider set. */
    public KeyFactory rsaKeyFactory() {
        try {
            return KeyFactory.getInstance("RSA", provider(Operation.RSA_KEY_FACTORY));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSA key factory unavailable", e);
        }
    }

    /** A fresh RSA key pair generator from this provider set. */
    public KeyPairGenerator rsaKeyPairGenerator() {
        try {
            return KeyPairGenerator.getInstance("RSA", provider(Operation.RSA_KEY_GENERATION));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSA key pair generator unavailable", e);
        }
    }
}
