-- Keyset pagination of the prompt list orders by (sort column, id) and continues after the last row's pair, so the
-- list indexes carry id as their last column: a page after a cursor is one index range scan however deep it is.
-- They replace the (…, created_at) / (…, updated_at) indexes one for one, so a prompt insert maintains as many.
CREATE INDEX ix_prompts_owner_created_id ON prompts (owner, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX ix_prompts_owner_updated_id ON prompts (owner, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX ix_prompts_created_id ON prompts (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX ix_prompts_updated_id ON prompts (updated_at, id) WHERE deleted_at IS NULL;
DROP INDEX ix_prompts_owner_created;
DROP INDEX ix_prompts_owner_updated;
DROP INDEX ix_prompts_created;
DROP INDEX ix_prompts_updated;
