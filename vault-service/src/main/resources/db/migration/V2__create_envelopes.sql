-- Envelopes issued by the vault: the full v2 envelope JSON (ciphertext addressed to the prompt-response service),
-- never its plaintext. Status moves pending -> decrypted (audit stream) or expired.
CREATE TABLE envelopes (
    id                     uuid         PRIMARY KEY,
    prompt_id              uuid         NOT NULL REFERENCES prompts (id),
    owner                  varchar(255) NOT NULL,
    status                 varchar(16)  NOT NULL CHECK (status IN ('pending', 'decrypted', 'expired')),
    envelope               jsonb        NOT NULL,
    receiver_public_key_id varchar(128) NOT NULL,
    sender_private_key_id  varchar(128) NOT NULL,
    created_at             timestamptz  NOT NULL,
    expires_at             timestamptz,
    decrypted_at           timestamptz
);
CREATE INDEX ix_envelopes_prompt_created ON envelopes (prompt_id, created_at);
CREATE INDEX ix_envelopes_owner_created ON envelopes (owner, created_at);
CREATE INDEX ix_envelopes_pending_expiry ON envelopes (expires_at) WHERE status = 'pending';

-- One row per decrypt attempt reported by the prompt-response service (idempotent by event id).
CREATE TABLE envelope_decryptions (
    id             bigserial    PRIMARY KEY,
    envelope_id    uuid         NOT NULL REFERENCES envelopes (id),
    event_id       uuid         NOT NULL,
    outcome        varchar(16)  NOT NULL CHECK (outcome IN ('success', 'failure')),
    reason         varchar(64),
    principal      varchar(255),
    request_id     varchar(128),
    client_address varchar(64),
    occurred_at    timestamptz  NOT NULL,
    recorded_at    timestamptz  NOT NULL,
    CONSTRAINT uq_envelope_decryptions_event UNIQUE (event_id)
);
CREATE INDEX ix_envelope_decryptions_envelope ON envelope_decryptions (envelope_id, occurred_at);
