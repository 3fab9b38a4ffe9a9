-- The one way an audit row is written: audit_append(row, extra_details) inserts the row described by a JSON document
-- (built by the vault's audit package, dev.e2ee.vault.audit.AuditRow) and answers whether it was new (event ids are
-- unique, so a redelivered event is a no-op). A feature that must commit its change and its audit row in ONE round
-- trip calls it in the same statement (a data-modifying CTE, or the select list of a read), passing the document as
-- a bind value: no SQL text crosses a package boundary, and the audit_logs column list lives here only.
-- extra_details (jsonb, default '{}') is merged into details, e.g. jsonb_build_object('version', version) of a read.
CREATE FUNCTION audit_append(entry jsonb, extra_details jsonb DEFAULT '{}'::jsonb) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_logs (event_id, occurred_at, action, outcome, principal, request_id, client_address,
                            resource_type, resource_id, reason, details, source)
    VALUES ((entry ->> 'eventId')::uuid,
            (entry ->> 'occurredAt')::timestamptz,
            entry ->> 'action',
            entry ->> 'outcome',
            entry ->> 'principal',
            entry ->> 'requestId',
            entry ->> 'clientAddress',
            entry ->> 'resourceType',
            entry ->> 'resourceId',
            entry ->> 'reason',
            coalesce(entry -> 'details', '{}'::jsonb) || extra_details,
            entry ->> 'source')
    ON CONFLICT (event_id) DO NOTHING;
    RETURN FOUND;
END;
$$;
