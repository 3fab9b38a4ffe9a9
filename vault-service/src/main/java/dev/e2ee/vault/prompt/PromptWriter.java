package dev.e2ee.vault.prompt;

import dev.e2ee.crypto.atrest.EncryptedRecord;
import dev.e2ee.platform.security.E2eePrincipal;
import dev.e2ee.vault.prompt.PromptExceptions.InvalidRequestException;
import dev.e2ee.vault.web.JsonMetadata;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Encrypts a prompt's text into the prompt row, its version history and its blind index. */
@Component
class PromptWriter {

    private final PromptCipher cipher;
    private final PromptVersionRepository versions;
    private final PromptTokenStore tokens;
    private final BlindIndex index;
    private final JsonMetadata metadata;

    PromptWriter(
            PromptCipher cipher,
            PromptVersionRepository versions,
            PromptTokenStore tokens,
            BlindIndex index,
            JsonMetadata metadata) {
        this.cipher = cipher;
        this.versions = versions;
        this.tokens = tokens;
        this.index = index;
        this.metadata = metadata;
    }

    String metadata(Map<String, Object> value) {
        if (metadata.tooLarge(value)) {
            throw new InvalidRequestException("metadata must not exceed " + JsonMetadata.MAX_BYTES + " bytes");
        }
        return metadata.write(value);
    }

    void storeText(Prompt prompt, long version, String text) {
        EncryptedRecord record = cipher.seal(PromptCipher.PROMPTS, prompt.getId(), version, text);
        prompt.storeText(record.toBytes(), record.kekId());
    }

    String currentText(Prompt prompt) {
        return cipher.open(PromptCipher.PROMPTS, prompt.getId(), prompt.getVersion(), prompt.getEncryptedText());
    }

    /** Stores the version's text in the history and makes its words the prompt's search tokens. */
    void recordVersion(Prompt prompt, long version, String text, E2eePrincipal principal, Instant now) {
        UUID id = UUID.randomUUID();
        PromptVersion row =
                new PromptVersion(id, prompt.getId(), version, prompt.getMetadata(), principal.subject(), now);
        EncryptedRecord record = cipher.seal(PromptCipher.VERSIONS, id, version, text);
        row.storeText(record.toBytes(), record.kekId());
        versions.save(row);
        if (version == 1) {
            tokens.add(prompt.getId(), index.tokens(text));
        } else {
            tokens.replace(prompt.getId(), index.tokens(text));
        }
    }

    void removeTokens(UUID promptId) {
        tokens.remove(promptId);
    }
}
