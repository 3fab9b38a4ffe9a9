package dev.e2ee.crypto.ehbp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e2ee.crypto.ehbp.RequestOpener.OpenedRequest;
import dev.e2ee.crypto.ehbp.RequestOpener.SealedResponse;
import dev.e2ee.crypto.ehbp.RequestSealer.SealedRequest;
import dev.e2ee.crypto.key.RsaKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class EhbpTests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] JSON =
            "{\"promptText\":\"confidential\",\"secret\":\"s3cret\"}".getBytes(StandardCharsets.UTF_8);

    private final RequestOpener server = RequestOpener.fromRawPrivateKeys(List.of(randomKey()));

    @Test
    void exchangeWhenSealedToTheCurrentKeyThenRequestAndResponseRoundTrip() {
        SealedRequest request = RequestSealer.seal(server.configs().get(0), JSON);
        OpenedRequest opened = server.open(request.encapsulatedKeyHex(), request.body());
        assertThat(opened.plaintext()).isEqualTo(JSON);

        SealedResponse response = opened.sealResponse("{\"id\":\"p1\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(request.openResponse(response.nonceHex(), response.body()))
                .asString()
                .isEqualTo("{\"id\":\"p1\"}");
    }

    @Test
    void exchangeWhenBodySpansSeveralChunksThenItRoundTrips() {
        byte[] large = new byte[3 * ChunkFraming.CHUNK + 17];
        RANDOM.nextBytes(large);
        SealedRequest request = RequestSealer.seal(server.configs().get(0), large);
        OpenedRequest opened = server.open(request.encapsulatedKeyHex(), request.body());
        assertThat(opened.plaintext()).isEqualTo(large);
        SealedResponse response = opened.sealResponse(large);
        assertThat(request.openResponse(response.nonceHex(), response.body())).isEqualTo(large);
    }

    @Test
    void exchangeWhenBodyIsEmptyThenNoFrameIsSentAndTheResponseStillOpens() {
        SealedRequest request = RequestSealer.seal(server.configs().get(0), new byte[0]);
        assertThat(request.body()).isEmpty();
        OpenedRequest opened = server.open(request.encapsulatedKeyHex(), request.body());
        assertThat(opened.plaintext()).isEmpty();
        SealedResponse response = opened.sealResponse(JSON);
        assertThat(request.openResponse(response.nonceHex(), response.body())).isEqualTo(JSON);
    }

    @Test
    void openWhenAnyByteOfTheFirstChunkIsFlippedThenKeyConfigIsReported() {
        SealedRequest request = RequestSealer.seal(server.configs().get(0), JSON);
        byte[] body = request.body();
        for (int i = 4; i < body.length; i++) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> server.open(request.encapsulatedKeyHex(), tampered))
                    .isInstanceOfSatisfying(
                            EhbpException.class, e -> assertThat(e.keyConfig()).isTrue())
                    .hasMessage("encrypted body could not be opened");
        }
    }

    @Test
    void openWhenALaterChunkIsTamperedOrTruncatedThenMalformed() {
        byte[] large = new byte[ChunkFraming.CHUNK + 10];
        SealedRequest request = RequestSealer.seal(server.configs().get(0), large);
        byte[] body = request.body();
        byte[] tampered = body.clone();
        tampered[tampered.length - 1] ^= 0x01;
        assertMalformed(request.encapsulatedKeyHex(), tampered);
        assertMalformed(request.encapsulatedKeyHex(), java.util.Arrays.copyOf(body, body.length - 1));
        assertMalformed(request.encapsulatedKeyHex(), java.util.Arrays.copyOf(body, body.length - 31));
    }

    @Test
    void openWhenFramesAreReorderedThenTheyDoNotOpen() {
        SealedRequest first = RequestSealer.seal(server.configs().get(0), new byte[ChunkFraming.CHUNK * 2]);
        byte[] body = first.body();
        int frame = 4 + ChunkFraming.CHUNK + 16;
        byte[] swapped = new byte[body.length];
        System.arraycopy(body, frame, swapped, 0, frame);
        System.arraycopy(body, 0, swapped, frame, frame);
        assertThatThrownBy(() -> server.open(first.encapsulatedKeyHex(), swapped))
                .isInstanceOf(EhbpException.class);
    }

    @Test
    void openWhenLengthPrefixIsHugeThenMalformedWithoutAllocating() {
        byte[] body = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(0).array();
        assertMalformed(RequestSealer.seal(server.configs().get(0), JSON).encapsulatedKeyHex(), body);
    }

    @Test
    void openWhenEncapsulatedKeyHeaderIsNotLowercaseHexOf32BytesThenMalformed() {
        SealedRequest request = RequestSealer.seal(server.configs().get(0), JSON);
        String hex = request.encapsulatedKeyHex();
        for (String bad :
                new String[] {null, "", hex.substring(2), hex + "00", hex.toUpperCase(), "zz" + hex.substring(2)}) {
            assertMalformed(bad, request.body());
        }
    }

    @Test
    void openWhenEncapsulatedKeyIsALowOrderPointThenMalformed() {
        SealedRequest request = RequestSealer.seal(server.configs().get(0), JSON);
        assertMalformed("00".repeat(32), request.body());
    }

    @Test
    void openWhenSealedToAnotherKeyThenKeyConfigIsReported() {
        RequestOpener other = RequestOpener.fromRawPrivateKeys(List.of(randomKey()));
        SealedRequest request = RequestSealer.seal(other.configs().get(0), JSON);
        assertThatThrownBy(() -> server.open(request.encapsulatedKeyHex(), request.body()))
                .isInstanceOfSatisfying(
                        EhbpException.class, e -> assertThat(e.keyConfig()).isTrue());
    }

    @Test
    void openWhenKeysRotateThenBodiesToTheCurrentAndThePreviousKeyBothOpen() {
        byte[] previous = randomKey();
        byte[] current = randomKey();
        RequestOpener before = RequestOpener.fromRawPrivateKeys(List.of(previous));
        RequestOpener during = RequestOpener.fromRawPrivateKeys(List.of(current, previous));
        assertThat(during.configs()).hasSize(2);
        assertThat(during.configs().get(1)).isEqualTo(before.configs().get(0));

        for (KeyConfig config : during.configs()) {
            SealedRequest request = RequestSealer.seal(config, JSON);
            OpenedRequest opened = during.open(request.encapsulatedKeyHex(), request.body());
            assertThat(opened.plaintext()).isEqualTo(JSON);
            SealedResponse response = opened.sealResponse(JSON);
            assertThat(request.openResponse(response.nonceHex(), response.body()))
                    .isEqualTo(JSON);
        }
    }

    @Test
    void openResponseWhenNonceIsMissingWrongOrBodyTamperedThenFails() {
        SealedRequest request = RequestSealer.seal(server.configs().get(0), JSON);
        SealedResponse response =
                server.open(request.encapsulatedKeyHex(), request.body()).sealResponse(JSON);
        byte[] tampered = response.body();
        tampered[10] ^= 0x01;
        String otherNonce = HexFormat.of().formatHex(new byte[32]);
        assertThatThrownBy(() -> request.openResponse(null, response.body())).isInstanceOf(EhbpException.class);
        assertThatThrownBy(() -> request.openResponse(otherNonce, response.body()))
                .isInstanceOf(EhbpException.class);
        assertThatThrownBy(() -> request.openResponse(response.nonceHex(), tampered))
                .isInstanceOf(EhbpException.class);
    }

    @Test
    void openResponseWhenResponseBelongsToAnotherExchangeThenFails() {
        SealedRequest first = RequestSealer.seal(server.configs().get(0), JSON);
        SealedRequest second = RequestSealer.seal(server.configs().get(0), JSON);
        SealedResponse response =
                server.open(second.encapsulatedKeyHex(), second.body()).sealResponse(JSON);
        assertThatThrownBy(() -> first.openResponse(response.nonceHex(), response.body()))
                .isInstanceOf(EhbpException.class);
    }

    @Test
    void exchangeWhenClientIsAnIndependentImplementationThenBothDirectionsInteroperate() throws Exception {
        IndependentEhbpClient client =
                new IndependentEhbpClient(server.configs().get(0).publicKey());
        OpenedRequest opened = server.open(client.encapsulatedKeyHex(), client.sealBody(JSON));
        assertThat(opened.plaintext()).isEqualTo(JSON);
        byte[] answer = new byte[2 * ChunkFraming.CHUNK + 5];
        RANDOM.nextBytes(answer);
        SealedResponse response = opened.sealResponse(answer);
        assertThat(client.openResponse(response.nonceHex(), response.body())).isEqualTo(answer);
    }

    @Test
    void keyConfigWhenEncodedThenLayoutIsRfc9458AndDecodesBack() {
        KeyConfig config = server.configs().get(0);
        byte[] body = server.keysBody();
        assertThat(body).hasSize(2 + 41);
        ByteBuffer in = ByteBuffer.wrap(body);
        assertThat(in.getShort()).isEqualTo((short) 41);
        assertThat(Byte.toUnsignedInt(in.get())).isEqualTo(config.keyId());
        assertThat(in.getShort()).isEqualTo((short) 0x0020);
        byte[] key = new byte[32];
        in.get(key);
        assertThat(key).isEqualTo(config.publicKey());
        assertThat(in.getShort()).isEqualTo((short) 4);
        assertThat(in.getShort()).isEqualTo((short) 0x0001);
        assertThat(in.getShort()).isEqualTo((short) 0x0002);
        assertThat(KeyConfig.decodeList(body)).containsExactly(config);
    }

    @Test
    void decodeListWhenAConfigurationIsOfAnotherKemOrSuiteThenItIsSkipped() {
        byte[] p256 = ByteBuffer.allocate(2 + 1 + 2 + 65 + 2 + 4)
                .putShort((short) 74)
                .put((byte) 1)
                .putShort((short) 0x0010)
                .put(new byte[65])
                .putShort((short) 4)
                .putShort((short) 1)
                .putShort((short) 1)
                .array();
        byte[] chacha = server.keysBody();
        chacha[chacha.length - 1] = 0x03;
        assertThat(KeyConfig.decodeList(p256)).isEmpty();
        assertThat(KeyConfig.decodeList(chacha)).isEmpty();
        assertThatThrownBy(() -> KeyConfig.decodeList(new byte[] {0, 41, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromPkcs8PemWhenOpensslStyleKeyThenItsPublicKeyIsPublished() throws Exception {
        var pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        String pem = RsaKeys.pkcs8Pem(pair.getPrivate().getEncoded());
        RequestOpener fromPem = RequestOpener.fromPkcs8Pem(List.of(pem));
        SealedRequest request = RequestSealer.seal(fromPem.configs().get(0), JSON);
        assertThat(fromPem.open(request.encapsulatedKeyHex(), request.body()).plaintext())
                .isEqualTo(JSON);
        assertThatThrownBy(() -> RequestOpener.fromPkcs8Pem(List.of("not a key")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertMalformed(String encHex, byte[] body) {
        assertThatThrownBy(() -> server.open(encHex, body))
                .isInstanceOfSatisfying(
                        EhbpException.class, e -> assertThat(e.keyConfig()).isFalse());
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
