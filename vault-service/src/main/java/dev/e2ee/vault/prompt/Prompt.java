package dev.e2ee.vault.prompt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/**
 * A stored prompt. The text exists here only as crypto-common at-rest ciphertext bound to
 * {@code RecordContext("prompts", id, version)}; the secret only as its peppered verifier.
 */
@Entity
@Table(name = "prompts")
public class Prompt implements Persistable<UUID> {

    @Transient
    private boolean fresh;

    @Id
    private UUID id;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false)
    private PromptStatus status;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "encrypted_text", nullable = false)
    private byte[] encryptedText;

    @Column(name = "kek_id", nullable = false)
    private String kekId;

    @Column(name = "secret_verifier", nullable = false)
    private byte[] secretVerifier;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String metadata;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected Prompt() {}

    Prompt(UUID id, String owner, byte[] secretVerifier, String metadata, Instant now) {
        this.fresh = true;
        this.id = id;
        this.owner = owner;
        this.status = PromptStatus.ACTIVE;
        this.version = 1;
        this.secretVerifier = secretVerifier.clone();
        this.metadata = metadata;
        this.createdAt = now;
        this.updatedAt = now;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markPersisted() {
        this.fresh = false;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public PromptStatus getStatus() {
        return status;
    }

    public long getVersion() {
        return version;
    }

    public byte[] getEncryptedText() {
        return encryptedText.clone();
    }

    public String getKekId() {
        return kekId;
    }

    public byte[] getSecretVerifier() {
        return secretVerifier.clone();
    }

    public String getMetadata() {
        return metadata;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    void storeText(byte[] encryptedText, String kekId) {
        this.encryptedText = encryptedText.clone();
        this.kekId = kekId;
    }

    void update(String metadata, PromptStatus status, Instant now) {
        this.metadata = metadata;
        this.status = status;
        this.updatedAt = now;
    }
}
