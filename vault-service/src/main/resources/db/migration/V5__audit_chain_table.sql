-- The hash chain moves out of audit_logs into its own insert-only table.
--
-- Sealing used to UPDATE each audit row (chain_seq, prev_hash, hash). That update was not HOT (it changed indexed
-- columns), so every audited request cost PostgreSQL a second wide row version, seven more index entries and a
-- dead tuple: more than the audited INSERT itself (docs/performance.md). Now audit_logs is never updated at all, and
-- sealing appends one narrow row per audit row to audit_chain, in batches.
CREATE TABLE audit_chain (
    chain_seq bigint PRIMARY KEY,
    audit_id  bigint NOT NULL REFERENCES audit_logs (id),
    prev_hash bytea  NOT NULL,
    hash      bytea  NOT NULL,
    CONSTRAINT uq_audit_chain_audit UNIQUE (audit_id)
);

INSERT INTO audit_chain (chain_seq, audit_id, prev_hash, hash)
SELECT chain_seq, id, prev_hash, hash FROM audit_logs WHERE chain_seq IS NOT NULL;

-- Both tables are append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE OR REPLACE FUNCTION audit_logs_no_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_chain_append_only
    BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();

CREATE TRIGGER audit_chain_no_truncate
    BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_no_truncate();

DROP INDEX ix_audit_logs_unsealed;
ALTER TABLE audit_logs DROP CONSTRAINT uq_audit_logs_chain_seq;
ALTER TABLE audit_logs DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN hash;
