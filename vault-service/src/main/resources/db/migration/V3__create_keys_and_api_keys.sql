-- Key metadata only: never key material (private keys live in files / memory, KEKs in configuration).
CREATE TABLE cryptographic_keys (
    id         uuid         PRIMARY KEY,
    name       varchar(64)  NOT NULL,
    kid        varchar(128) NOT NULL,
    label      varchar(128),
    key_type   varchar(16)  NOT NULL,
    algorithm  varchar(32)  NOT NULL,
    key_use    varchar(16)  NOT NULL,
    key_size   integer,
    status     varchar(16)  NOT NULL CHECK (status IN ('primary', 'active', 'retired')),
    source     varchar(32)  NOT NULL,
    created_at timestamptz  NOT NULL,
    rotated_at timestamptz,
    expires_at timestamptz,
    CONSTRAINT uq_cryptographic_keys_name_kid UNIQUE (name, kid)
);
CREATE INDEX ix_cryptographic_keys_name_created ON cryptographic_keys (name, created_at);

-- API keys: only the SHA-256 hex of the key is stored; the key is shown once at creation.
CREATE TABLE api_keys (
    id         uuid         PRIMARY KEY,
    name       varchar(100) NOT NULL,
    owner      varchar(255) NOT NULL,
    roles      varchar(64)  NOT NULL,
    key_hash   varchar(64)  NOT NULL CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    created_by varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL,
    revoked_at timestamptz,
    CONSTRAINT uq_api_keys_key_hash UNIQUE (key_hash)
);
CREATE INDEX ix_api_keys_created ON api_keys (created_at);
CREATE INDEX ix_api_keys_owner ON api_keys (owner);
