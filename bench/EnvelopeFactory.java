import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.envelope.EnvelopeContent;
import dev.e2ee.crypto.envelope.EnvelopeJson;
import dev.e2ee.crypto.envelope.EnvelopeSealer;
import dev.e2ee.crypto.envelope.Recipient;
import dev.e2ee.crypto.key.Jwk;
import dev.e2ee.crypto.key.Keyring;
import dev.e2ee.crypto.key.RsaKeys;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Writes distinct, valid v2 envelopes (one JSON request body per line) for the open and process benchmark
 * scenarios, signed with the vault's dev signing key exactly as the vault signs them. Envelopes are one-time use,
 * so an open benchmark needs one per request. Run by bench/bench.sh as a single-file Java program.
 *
 * <p>Arguments: signing-key.pem receiver-public.pem promptId count out-file mode(open|process)
 */
public class EnvelopeFactory {

    public static void main(String[] args) throws Exception {
        RSAPrivateCrtKey signingKey = RsaKeys.readPrivateKey(Path.of(args[0]));
        RSAPublicKey receiverKey = RsaKeys.readPublicKey(Path.of(args[1]));
        UUID promptId = UUID.fromString(args[2]);
        int count = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        boolean process = "process".equals(args[5]);

        RSAPublicKey signingPublic = RsaKeys.publicKeyOf(signingKey);
        KeyPair pair = RsaKeys.pair(signingKey, signingPublic);
        Keyring<KeyPair> keyring = Keyring.of(List.of(new Keyring.Version<>(
                Jwk.thumbprint(signingPublic), "vault-sign", pair, Keyring.Status.PRIMARY, Instant.now())));
        EnvelopeSealer sealer = EnvelopeSealer.create(() -> keyring, CryptoProvider.defaults(), Clock.systemUTC());
        Recipient recipient = new Recipient(Jwk.thumbprint(receiverKey), receiverKey);
        EnvelopeContent content = new EnvelopeContent(promptId, "test", Map.of("source", "benchmark"));

        List<String> lines = IntStream.range(0, count)
                .parallel()
                .mapToObj(i -> EnvelopeJson.toJson(sealer.seal(recipient, content, null)))
                .map(envelope -> process
                        ? "{\"envelope\":" + envelope + ",\"options\":{\"format\":\"json\"}}"
                        : "{\"envelope\":" + envelope + "}")
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        try (BufferedWriter writer = Files.newBufferedWriter(out)) {
            for (String line : lines) {
                writer.write(line);
                writer.newLine();
            }
        }
        System.out.println("wrote " + count + " envelopes to " + out + " using " + CryptoProvider.defaults().name());
    }
}
