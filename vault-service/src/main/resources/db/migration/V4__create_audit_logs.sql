-- Append-only, tamper-evident audit log.
-- Rows are inserted unsealed (chain_seq, prev_hash, hash NULL) inside the business transaction, so concurrent
-- writers never serialise on the chain head. A single sealer (holding a PostgreSQL advisory lock) later assigns
-- chain_seq in id order and hash = SHA-256(prev_hash || canonical row). The trigger refuses every UPDATE and
-- DELETE except that one sealing update of the chain columns on a row that is not yet sealed.
CREATE TABLE audit_logs (
    id             bigserial    PRIMARY KEY,
    event_id       uuid         NOT NULL,
    occurred_at    timestamptz  NOT NULL,
    action         varchar(64)  NOT NULL,
    outcome        varchar(16)  NOT NULL CHECK (outcome IN ('success', 'failure')),
    principal      varchar(255),
    request_id     varchar(128),
    client_address varchar(64),
    resource_type  varchar(32),
    resource_id    varchar(128),
    reason         varchar(128),
    details        jsonb        NOT NULL DEFAULT '{}'::jsonb,
    source         varchar(32)  NOT NULL,
    chain_seq      bigint,
    prev_hash      bytea,
    hash           bytea,
    CONSTRAINT uq_audit_logs_event UNIQUE (event_id),
    CONSTRAINT uq_audit_logs_chain_seq UNIQUE (chain_seq)
);
CREATE INDEX ix_audit_logs_occurred ON audit_logs (occurred_at);
CREATE INDEX ix_audit_logs_action_occurred ON audit_logs (action, occurred_at);
CREATE INDEX ix_audit_logs_principal_occurred ON audit_logs (principal, occurred_at);
CREATE INDEX ix_audit_logs_outcome_occurred ON audit_logs (outcome, occurred_at);
CREATE INDEX ix_audit_logs_unsealed ON audit_logs (id) WHERE hash IS NULL;

CREATE FUNCTION audit_logs_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND OLD.hash IS NULL AND OLD.chain_seq IS NULL
       AND NEW.hash IS NOT NULL AND NEW.chain_seq IS NOT NULL
       AND (to_jsonb(NEW) - 'chain_seq' - 'prev_hash' - 'hash') = (to_jsonb(OLD) - 'chain_seq' - 'prev_hash' - 'hash')
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_logs is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_logs_append_only
    BEFORE UPDATE OR DELETE ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();

CREATE FUNCTION audit_logs_no_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_logs is append-only: TRUNCATE refused' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_logs_no_truncate
    BEFORE TRUNCATE ON audit_logs
    FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_no_truncate();
