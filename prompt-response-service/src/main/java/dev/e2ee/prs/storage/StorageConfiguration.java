package dev.e2ee.prs.storage;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.KeyedHasher;
import dev.e2ee.crypto.atrest.AtRestEncryptor;
import dev.e2ee.crypto.atrest.ConfiguredKeyEncryptionKeys;
import dev.e2ee.prs.key.DevKeys;
import dev.e2ee.prs.key.KeyProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the KEK configuration ({@code E2EE_KEK} or {@code E2EE_KEK_FILE}; generated only by the dev profile) into
 * the at-rest encryptor and the keyed hasher the response cache names its keys with. The hasher key is derived
 * from the primary KEK: {@code HMAC(kek, PAE("e2ee-derive-v1", "prs-keyed-hash"))} (crypto-common
 * {@link KeyedHasher#derive}), so a KEK rotation simply starts a new cache.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    KekConfig kekConfig(StorageProperties storage, KeyProperties keys) {
        if (storage.kek() != null && !storage.kek().isBlank()) {
            return new KekConfig(storage.kek().trim());
        }
        if (storage.kekFile() != null && !storage.kekFile().isBlank()) {
            try {
                return new KekConfig(Files.readString(Path.of(storage.kekFile().trim()), StandardCharsets.US_ASCII)
                        .trim());
            } catch (IOException e) {
                throw new UncheckedIOException("E2EE_KEK_FILE " + storage.kekFile() + " cannot be read", e);
            }
        }
        if (keys.devKeys()) {
            return new KekConfig(new DevKeys(keys.devKeysDirectory()).keyEncryptionKey());
        }
        throw new IllegalStateException("Neither E2EE_KEK nor E2EE_KEK_FILE is set: the prompt-response service needs"
                + " a key-encryption key for the data it keeps in Redis; use the dev profile to generate one locally");
    }

    @Bean
    EncryptedValues encryptedValues(KekConfig kek, CryptoProvider provider) {
        ConfiguredKeyEncryptionKeys keys = ConfiguredKeyEncryptionKeys.fromConfig(kek.value());
        log.info("Redis values encrypted under KEK {}", keys.currentKeyId());
        return new EncryptedValues(AtRestEncryptor.create(keys, provider));
    }

    @Bean
    KeyedHasher keyedHasher(KekConfig kek) {
        return KeyedHasher.create(kek.primaryKey()).derive("prs-keyed-hash");
    }

    /** The raw KEK configuration value; never printed. */
    record KekConfig(String value) {

        byte[] primaryKey() {
            String first = value.split(",")[0].trim();
            int colon = first.indexOf(':');
            return Base64.getDecoder()
                    .decode(colon >= 0 ? first.substring(colon + 1).trim() : first);
        }

        @Override
        public String toString() {
            return "KekConfig[***]";
        }
    }
}
