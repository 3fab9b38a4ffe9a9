package dev.e2ee.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e2ee.crypto.CryptoProvider;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Checks a sealed envelope against docs/envelope-format.md (algorithms, JSON shape, authenticated bytes) with an independent implementation written from that page: the
 * JSON is read as a plain map, PAE is rebuilt by hand, and plain JDK primitives verify, unwrap and decrypt.
 */
class EnvelopeSpecConformanceTests {

    @Test
    void sealWhenCheckedIndependentlyThenSignatureWrapAndCiphertextFollowTheSpec() throws Exception {
        EnvelopeFixture fixture = new EnvelopeFixture(CryptoProvider.defaults());
        checkIndependently(fixture, fixture.seal(), false);
    }

    @Test
    void sealWhenAudienceGivenAndCheckedIndependentlyThenItIsTheEleventhHeaderElement() throws Exception {
        EnvelopeFixture fixture = new EnvelopeFixture(CryptoProvider.defaults());
        Envelope sealed = fixture.sealer()
                .seal(fixture.recipient(), EnvelopeFixture.content(), EnvelopeFixture.NOW.plusSeconds(60), "alice");
        checkIndependently(fixture, sealed, true);
    }

    private static void checkIndependently(EnvelopeFixture fixture, Envelope sealed, boolean audience)
            throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> wire = EnvelopeFixture.JSON.readValue(EnvelopeJson.toJson(sealed), Map.class);
        assertThat(wire.containsKey("audience")).isEqualTo(audience);
        java.util.List<byte[]> headerParts = new java.util.ArrayList<>(java.util.List.of(
                utf8("e2ee-envelope-v2"),
                field(wire, "id"),
                field(wire, "promptId"),
                field(wire, "algorithm"),
                field(wire, "keyAlgorithm"),
                field(wire, "signatureAlgorithm"),
                field(wire, "receiverPublicKeyId"),
                field(wire, "senderPrivateKeyId"),
                field(wire, "createdAt"),
                field(wire, "expiresAt")));
        if (audience) {
            headerParts.add(field(wire, "audience"));
        }
        byte[] header = pae(headerParts.toArray(byte[][]::new));
        byte[] iv = b64(wire, "iv");
        byte[] encryptedKey = b64(wire, "encryptedKey");
        byte[] encryptedData = b64(wire, "encryptedData");
        byte[] authTag = b64(wire, "authTag");
        byte[] signed = pae(utf8("e2ee-envelope-v2-signature"), header, iv, encryptedKey, encryptedData, authTag);

        Signature pss = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        pss.initVerify(fixture.signer.getPublic());
        pss.update(signed);
        assertThat(pss.verify(b64(wire, "signature"))).isTrue();

        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
        oaep.init(
                Cipher.DECRYPT_MODE,
                fixture.receiver.getPrivate(),
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        byte[] dek = oaep.doFinal(encryptedKey);
        assertThat(dek).hasSize(32);

        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dek, "AES"), new GCMParameterSpec(128, iv));
        gcm.updateAAD(header);
        byte[] plaintext = gcm.doFinal(ByteBuffer.allocate(encryptedData.length + 16)
                .put(encryptedData)
                .put(authTag)
                .array());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = EnvelopeFixture.JSON.readValue(plaintext, Map.class);
        assertThat(content.keySet()).containsExactly("promptId", "promptText", "metadata");
        assertThat(content).containsEntry("promptId", wire.get("promptId"));
        assertThat(iv).hasSize(12);
        assertThat(authTag).hasSize(16);
    }

    private static byte[] pae(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le64(parts.length));
        for (byte[] part : parts) {
            out.writeBytes(le64(part.length));
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] le64(long n) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] field(Map<String, Object> wire, String name) {
        Object value = wire.get(name);
        return utf8(value == null ? "" : (String) value);
    }

    private static byte[] b64(Map<String, Object> wire, String name) {
        return Base64.getDecoder().decode((String) wire.get(name));
    }
}
