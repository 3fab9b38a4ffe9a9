package dev.e2ee.prs.storage;

import dev.e2ee.crypto.CryptoException;
import dev.e2ee.crypto.atrest.AtRestEncryptor;
import dev.e2ee.crypto.atrest.EncryptedRecord;
import dev.e2ee.crypto.atrest.RecordContext;
import java.util.Base64;

/**
 * Seals values before they go to Redis: each value gets its own data key (crypto-common at-rest encryption),
 * bound by the associated data to its kind, its id and its owner (the principal's subject):
 * {@code PAE("e2ee-at-rest-v1", kind, id + "/" + owner, "2")} (ids never contain {@code /}). A value moved to another
 * key, or opened on behalf of another principal, does not open. Stored as base64 of {@link EncryptedRecord#toBytes()}.
 * Values sealed before the owner binding (version 1) no longer open: they are treated as missing.
 */
public final class EncryptedValues {

    private static final long VERSION = 2;

    private final AtRestEncryptor encryptor;

    EncryptedValues(AtRestEncryptor encryptor) {
        this.encryptor = encryptor;
    }

    public String seal(String kind, String id, String owner, byte[] plaintext) {
        EncryptedRecord record = encryptor.encrypt(plaintext, context(kind, id, owner));
        return Base64.getEncoder().encodeToString(record.toBytes());
    }

    /**
     * Opens a sealed value.
     *
     * @throws CorruptValueException when the value is not a sealed value of this kind, id and owner
     */
    public byte[] open(String kind, String id, String owner, String sealed) {
        try {
            EncryptedRecord record =
                    EncryptedRecord.fromBytes(Base64.getDecoder().decode(sealed));
            return encryptor.decrypt(record, context(kind, id, owner));
        } catch (IllegalArgumentException | NullPointerException | CryptoException e) {
            throw new CorruptValueException();
        }
    }

    private static RecordContext context(String kind, String id, String owner) {
        if (id.indexOf('/') >= 0) {
            throw new IllegalArgumentException("id must not contain '/'");
        }
        return new RecordContext(kind, id + "/" + java.util.Objects.requireNonNull(owner, "owner"), VERSION);
    }

    /** A stored value does not open (tampered, foreign, or sealed under a KEK that is no longer configured). */
    public static final class CorruptValueException extends RuntimeException {

        CorruptValueException() {
            super("stored value does not open", null, false, false);
        }
    }
}
