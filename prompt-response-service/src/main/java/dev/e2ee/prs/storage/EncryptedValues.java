package dev.e2ee.prs.storage;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.atrest.AtRestEncryptor;
import dev.e2ee.crypto.atrest.EncryptedRecord;
import dev.e2ee.crypto.atrest.RecordContext;
import java.util.Base64;

/**
 * Seals values before they go to Redis: each value gets its own data key (crypto-common at-rest encryption),
 * bound by the associated data to its kind and id, so a value moved to another key does not open. Stored as
 * base64 of {@link EncryptedRecord#toBytes()}.
 */
public final class EncryptedValues {

    private static final long VERSION = 1;

    private final AtRestEncryptor encryptor;

    EncryptedValues(AtRestEncryptor encryptor) {
        this.encryptor = encryptor;
    }

    public String seal(String kind, String id, byte[] plaintext) {
        EncryptedRecord record = encryptor.encrypt(plaintext, new RecordContext(kind, id, VERSION));
        return Base64.getEncoder().encodeToString(record.toBytes());
    }

    /**
     * Opens a sealed value.
     *
     * @throws CorruptValueException when the value is not a sealed value of this kind and id
     */
    public byte[] open(String kind, String id, String sealed) {
        try {
            EncryptedRecord record =
                    EncryptedRecord.fromBytes(Base64.getDecoder().decode(sealed));
            return encryptor.decrypt(record, new RecordContext(kind, id, VERSION));
        } catch (IllegalArgumentException | CryptoException e) {
            throw new CorruptValueException();
        }
    }

    /** A stored value does not open (tampered, foreign, or sealed under a KEK that is no longer configured). */
    public static final class CorruptValueException extends RuntimeException {

        CorruptValueException() {
            super("stored value does not open", null, false, false);
        }
    }
}
