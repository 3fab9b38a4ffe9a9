-- Prompts are stored only as at-rest ciphertext (crypto-common EncryptedRecord bytes, per-record DEK wrapped by a KEK).
-- The secret is stored only as its peppered verifier HMAC-SHA256(pepper, PAE("e2ee-secret-v1", id, secret)).
CREATE TABLE prompts (
    id              uuid         PRIMARY KEY,
    owner           varchar(255) NOT NULL,
    status          varchar(16)  NOT NULL CHECK (status IN ('active', 'inactive', 'deleted')),
    version         bigint       NOT NULL CHECK (version >= 1),
    encrypted_text  bytea        NOT NULL,
    kek_id          varchar(64)  NOT NULL,
    secret_verifier bytea        NOT NULL,
    metadata        jsonb        NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    deleted_at      timestamptz
);

-- List paths: by owner (users) or all (admins), filtered by status, sorted by created_at or updated_at.
CREATE INDEX ix_prompts_owner_created ON prompts (owner, created_at) WHERE deleted_at IS NULL;
CREATE INDEX ix_prompts_owner_updated ON prompts (owner, updated_at) WHERE deleted_at IS NULL;
CREATE INDEX ix_prompts_created ON prompts (created_at) WHERE deleted_at IS NULL;
CREATE INDEX ix_prompts_updated ON prompts (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX ix_prompts_status ON prompts (status);
-- KEK re-wrap finds rows still wrapped by an older KEK.
CREATE INDEX ix_prompts_kek_id ON prompts (kek_id);

-- Every version of the text (including the current one), each encrypted under its own DEK.
CREATE TABLE prompt_versions (
    id             uuid         PRIMARY KEY,
    prompt_id      uuid         NOT NULL REFERENCES prompts (id),
    version        bigint       NOT NULL CHECK (version >= 1),
    encrypted_text bytea        NOT NULL,
    kek_id         varchar(64)  NOT NULL,
    metadata       jsonb        NOT NULL DEFAULT '{}'::jsonb,
    created_by     varchar(255) NOT NULL,
    created_at     timestamptz  NOT NULL,
    CONSTRAINT uq_prompt_versions_prompt_version UNIQUE (prompt_id, version)
);
CREATE INDEX ix_prompt_versions_kek_id ON prompt_versions (kek_id);

-- Keyed blind index: one row per distinct lower-cased word of the current text,
-- token = HMAC(KeyedHasher(pepper).derive("blind-index"), word). Equal words give equal tokens only under the server key.
CREATE TABLE prompt_search_tokens (
    prompt_id uuid  NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
    token     bytea NOT NULL,
    PRIMARY KEY (prompt_id, token)
);
CREATE INDEX ix_prompt_search_tokens_token ON prompt_search_tokens (token, prompt_id);
