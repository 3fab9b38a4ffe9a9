package dev.e2ee.vault.prompt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/** One version of a prompt's text, encrypted under {@code RecordContext("prompt_versions", id, version)}. */
@Entity
@Table(name = "prompt_versions")
public class PromptVersion implements Persistable<UUID> {

    @Transient
    private boolean fresh;

    @Id
    private UUID id;

    @Column(name = "prompt_id", nullable = false)
    private UUID promptId;

    @Column(nullable = false)
    private long version;

    @Column(name = "encrypted_text", nullable = false)
    private byte[] encryptedText;

    @Column(name = "kek_id", nullable = false)
    private String kekId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String metadata;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PromptVersion() {}

    PromptVersion(UUID id, UUID promptId, long version, String metadata, String createdBy, Instant createdAt) {
        this.fresh = true;
        this.id = id;
        this.promptId = promptId;
        this.version = version;
        this.metadata = metadata;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
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

    public UUID getPromptId() {
        return promptId;
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

    public String getMetadata() {
        return metadata;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    void storeText(byte[] encryptedText, String kekId) {
        this.encryptedText = encryptedText.clone();
        this.kekId = kekId;
    }
}
