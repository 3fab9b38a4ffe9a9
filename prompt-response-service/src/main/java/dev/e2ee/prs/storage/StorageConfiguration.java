package dev.e2ee.prs.storage;

import dev.e2ee.crypto.CryptoProvider;
import dev.e2ee.crypto.KeyedHasher;
import dev.e2ee.crypto.atrest.AtRestEncryptor;
import dev.e2ee.crypto.atrest.ConfiguredKeyEncryptionKeys;
import dev.e2ee.platform.security.SecretSetting;
import dev.e2ee.prs.key.DevKeys;
import dev.e2ee.prs.key.KeyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the KEK configuration ({@code E2EE_KEK} or {@code E2EE_KEK_FILE}; generated only by the dev profile), parsed
 * by crypto-common's {@link ConfiguredKeyEncryptionKeys} as in the vault, into the at-rest encryptor and the keyed
 * hasher the response cache names its keys with: {@link ConfiguredKeyEncryptionKeys#derivedHasher} of
 * {@code "prs-keyed-hash"}, so a KEK rotation simply starts a new cache.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    ConfiguredKeyEncryptionKeys keyEncryptionKeys(
            StorageProperties storage, KeyProperties keys, CryptoProvider provider) {
        ConfiguredKeyEncryptionKeys keks = ConfiguredKeyEncryptionKeys.fromConfig(setting(storage, keys), provider);
        log.info("Redis values encrypted under KEK {}", keks.currentKeyId());
        return keks;
    }

    @Bean
    EncryptedValues encryptedValues(ConfiguredKeyEncryptionKeys keks, CryptoProvider provider) {
        return new EncryptedValues(AtRestEncryptor.create(keks, provider));
    }

    @Bean
    KeyedHasher keyedHasher(ConfiguredKeyEncryptionKeys keks) {
        return keks.derivedHasher("prs-keyed-hash");
    }

    /** The raw KEK setting: {@code E2EE_KEK}, else the content of {@code E2EE_KEK_FILE}, else a dev key. */
    private static String setting(StorageProperties storage, KeyProperties keys) {
        return SecretSetting.read("E2EE_KEK", storage.kek(), storage.kekFile()).orElseGet(() -> devKey(keys));
    }

    private static String devKey(KeyProperties keys) {
        if (keys.devKeys()) {
            return new DevKeys(keys.devKeysDirectory()).keyEncryptionKey();
        }
        throw new IllegalStateException("Neither E2EE_KEK nor E2EE_KEK_FILE is set: the prompt-response service needs"
                + " a key-encryption key for the data it keeps in Redis; use the dev profile to generate one locally");
    }
}
