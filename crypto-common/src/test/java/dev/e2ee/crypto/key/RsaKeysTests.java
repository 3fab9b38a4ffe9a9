package dev.e2ee.crypto.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.KeyValidationException;
import dev.e2ee.crypto.TestKeys;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format loads; weak, mismatched, non-RSA and garbage keys are refused with a precise message. */
class RsaKeysTests {

    private static final KeyPair PAIR = TestKeys.receiver();
    private static final RSAPublicKey PUBLIC = (RSAPublicKey) PAIR.getPublic();
    private static final RSAPrivateCrtKey PRIVATE = (RSAPrivateCrtKey) PAIR.getPrivate();

    @TempDir
    Path dir;

    @Test
    void parsePrivateKeyWhenPkcs8PemThenLoaded() {
        assertThat(RsaKeys.parsePrivateKey(RsaKeys.toPem(PRIVATE)).getModulus()).isEqualTo(PRIVATE.getModulus());
    }

    @Test
    void parsePrivateKeyWhenPkcs1PemThenLoaded() throws IOException {
        String pem = bcPem(PRIVATE);
        assertThat(pem).startsWith("-----BEGIN " + "RSA PRIVATE KEY-----"); // split: no key banner literal in sources
        assertThat(RsaKeys.parsePrivateKey(pem).getPrivateExponent()).isEqualTo(PRIVATE.getPrivateExponent());
    }

    @Test
    void parsePrivateKeyWhenPkcs8AndPkcs1DerThenLoaded() throws IOException {
        byte[] pkcs8 = PRIVATE.getEncoded();
        byte[] pkcs1 = PrivateKeyInfo.getInstance(pkcs8)
                .parsePrivateKey()
                .toASN1Primitive()
                .getEncoded();
        assertThat(RsaKeys.parsePrivateKey(pkcs8).getModulus()).isEqualTo(PRIVATE.getModulus());
        assertThat(RsaKeys.parsePrivateKey(pkcs1).getModulus()).isEqualTo(PRIVATE.getModulus());
    }

    @Test
    void parsePublicKeyWhenSpkiAndPkcs1PemOrDerThenLoaded() throws IOException {
        byte[] spki = PUBLIC.getEncoded();
        byte[] pkcs1 = SubjectPublicKeyInfo.getInstance(spki).parsePublicKey().getEncoded();
        String pkcs1Pem = "-----BEGIN RSA PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pkcs1) + "\n-----END RSA PUBLIC KEY-----\n";
        assertThat(RsaKeys.parsePublicKey(RsaKeys.toPem(PUBLIC))).isEqualTo(PUBLIC);
        assertThat(RsaKeys.parsePublicKey(spki).getModulus()).isEqualTo(PUBLIC.getModulus());
        assertThat(RsaKeys.parsePublicKey(pkcs1).getModulus()).isEqualTo(PUBLIC.getModulus());
        assertThat(RsaKeys.parsePublicKey(pkcs1Pem).getModulus()).isEqualTo(PUBLIC.getModulus());
    }

    @Test
    void readKeyWhenPemOrDerFileThenLoaded() throws IOException {
        Path pem = Files.writeString(dir.resolve("k.pem"), RsaKeys.toPem(PRIVATE));
        Path der = Files.write(dir.resolve("k.der"), PRIVATE.getEncoded());
        Path pub = Files.write(dir.resolve("p.der"), PUBLIC.getEncoded());
        assertThat(RsaKeys.readPrivateKey(pem).getModulus()).isEqualTo(PRIVATE.getModulus());
        assertThat(RsaKeys.readPrivateKey(der).getModulus()).isEqualTo(PRIVATE.getModulus());
        assertThat(RsaKeys.readPublicKey(pub)).isEqualTo(PUBLIC);
        assertThatThrownBy(() -> RsaKeys.readPublicKey(dir.resolve("missing.pem")))
                .isInstanceOf(KeyValidationException.class)
                .hasMessageStartingWith("cannot read key file");
    }

    @Test
    void pairWhenMatchingThenPairElseRefused() {
        assertThat(RsaKeys.pair(PRIVATE, RsaKeys.publicKeyOf(PRIVATE)).getPublic())
                .isEqualTo(PUBLIC);
        assertThatThrownBy(() ->
                        RsaKeys.pair(PRIVATE, (RSAPublicKey) TestKeys.other().getPublic()))
                .isInstanceOf(KeyValidationException.class)
                .hasMessage("the private key and the public key do not belong to the same key pair");
    }

    @Test
    void parseWhen1024BitKeyThenRefusedWithSize() throws Exception {
        KeyPair weak = jdkRsa(1024, RSAKeyGenParameterSpec.F4);
        assertRefused(
                () -> RsaKeys.parsePrivateKey(RsaKeys.toPem((RSAPrivateCrtKey) weak.getPrivate())),
                "RSA key is 1024 bits; at least 2048 bits are required",
                weak);
        assertRefused(
                () -> RsaKeys.parsePublicKey(weak.getPublic().getEncoded()),
                "RSA key is 1024 bits; at least 2048 bits are required",
                weak);
    }

    @Test
    void parseWhenExponent3ThenRefusedWithExponent() throws Exception {
        KeyPair e3 = exponent3();
        assertRefused(
                () -> RsaKeys.parsePublicKey(RsaKeys.toPem((RSAPublicKey) e3.getPublic())),
                "RSA public exponent is 3; only 65537 is accepted",
                e3);
        assertRefused(
                () -> RsaKeys.parsePrivateKey(e3.getPrivate().getEncoded()),
                "RSA public exponent is 3; only 65537 is accepted",
                e3);
    }

    @Test
    void parseWhenEcKeyThenRefusedAsNotRsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = generator.generateKeyPair();
        assertRefused(
                () -> RsaKeys.parsePublicKey(ec.getPublic().getEncoded()),
                "expected an RSA key but found an EC key",
                ec);
        String ecPem = bcPem(ec.getPrivate());
        assertRefused(() -> RsaKeys.parsePrivateKey(ecPem), "expected an RSA key but found an EC key", ec);
    }

    @Test
    void parseWhenGarbageThenRefusedAsUnparseable() {
        assertThatThrownBy(() -> RsaKeys.parsePrivateKey("hello"))
                .isInstanceOf(KeyValidationException.class)
                .hasMessage("no PEM block found");
        assertThatThrownBy(() -> RsaKeys.parsePublicKey("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n"))
                .isInstanceOf(KeyValidationException.class)
                .hasMessage("PEM block is malformed and cannot be parsed");
        assertThatThrownBy(() -> RsaKeys.parsePrivateKey("garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(KeyValidationException.class)
                .hasMessage("data is neither PEM nor DER and cannot be parsed as a key");
    }

    @Test
    void parseWhenWrongKindThenRefusedPrecisely() {
        assertThatThrownBy(() -> RsaKeys.parsePrivateKey(RsaKeys.toPem(PUBLIC)))
                .hasMessage("found a public key where a private key is expected");
        assertThatThrownBy(() -> RsaKeys.parsePublicKey(RsaKeys.toPem(PRIVATE)))
                .hasMessage("found a private key where a public key is expected");
        assertThatThrownBy(() -> RsaKeys.parsePublicKey(PRIVATE.getEncoded()))
                .hasMessage("found a private key where a public key is expected");
    }

    @Test
    void parsePrivateKeyWhenEncryptedPemThenRefusedWithHint() throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(
                    PRIVATE,
                    new JcePEMEncryptorBuilder("AES-128-CBC")
                            .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                            .build("pw".toCharArray()));
        }
        assertThatThrownBy(() -> RsaKeys.parsePrivateKey(out.toString()))
                .isInstanceOf(KeyValidationException.class)
                .hasMessage("encrypted private keys are not supported; decrypt the key first");
    }

    @Test
    void parseWhenDerHasTrailingBytesThenRefused() {
        byte[] der = PUBLIC.getEncoded();
        byte[] longer = java.util.Arrays.copyOf(der, der.length + 2);
        assertThatThrownBy(() -> RsaKeys.parsePublicKey(longer))
                .isInstanceOf(KeyValidationException.class)
                .hasMessage("data is neither PEM nor DER and cannot be parsed as a key");
    }

    @Test
    void generateWhenUnsupportedSizeThenRefused() {
        assertThatThrownBy(() -> RsaKeys.generate(1024))
                .isInstanceOf(KeyValidationException.class)
                .hasMessage("RSA key size must be 2048, 3072 or 4096 bits, not 1024");
    }

    private static void assertRefused(Runnable action, String message, KeyPair pair) {
        assertThatThrownBy(action::run)
                .isInstanceOf(KeyValidationException.class)
                .hasMessage(message)
                .message()
                .doesNotContain(Base64.getEncoder()
                        .encodeToString(pair.getPublic().getEncoded())
                        .substring(40, 80));
    }

    private static KeyPair jdkRsa(int bits, BigInteger exponent) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
        generator.initialize(new RSAKeyGenParameterSpec(bits, exponent));
        return generator.generateKeyPair();
    }

    /** The test key's numbers with e = 3 (generating a real e = 3 key is slow; the check reads e first). */
    private static KeyPair exponent3() throws GeneralSecurityException {
        BigInteger three = BigInteger.valueOf(3);
        KeyFactory factory = KeyFactory.getInstance("RSA", "SunRsaSign");
        RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(new RSAPublicKeySpec(PUBLIC.getModulus(), three));
        PrivateKey priv = factory.generatePrivate(new RSAPrivateCrtKeySpec(
                PRIVATE.getModulus(),
                three,
                PRIVATE.getPrivateExponent(),
                PRIVATE.getPrimeP(),
                PRIVATE.getPrimeQ(),
                PRIVATE.getPrimeExponentP(),
                PRIVATE.getPrimeExponentQ(),
                PRIVATE.getCrtCoefficient()));
        return new KeyPair(pub, priv);
    }

    private static String bcPem(Object key) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(key);
        }
        return out.toString();
    }
}
