package dev.e2ee.vault.prompt;

import dev.e2ee.crypto.atrest.AtRestEncryptor;
import dev.e2ee.crypto.atrest.EncryptedRecord;
import dev.e2ee.crypto.atrest.RecordContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Prompt text at rest (docs/envelope-format.md#at-rest-encryption): a fresh DEK per record, associated data binding the ciphertext to its table, row
 * id and version, so a ciphertext moved to another row or version fails to decrypt.
 */
@Component
class PromptCipher {

    static final String PROMPTS = "prompts";
    static final String VERSIONS = "prompt_versions";

    private final AtRestEncryptor encryptor;

    PromptCipher(AtRestEncryptor atRestEncryptor) {
        this.encryptor = atRestEncryptor;
    }

    EncryptedRecord seal(String table, UUID id, long version, String text) {
        return encryptor.encrypt(text.getBytes(StandardCharsets.UTF_8), context(table, id, version));
    }

    String open(String table, UUID id, long version, EncryptedRecord stored) {
        byte[] plaintext = encryptor.decrypt(stored, context(table, id, version));
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    static RecordContext context(String table, UUID id, long version) {
        return new RecordContext(table, id.toString(), version);
    }
}
