package dev.e2ee.vault.audit;

/**
 * A success audit row, complete (event id, time, principal, request), that the feature's repository writes in the
 * same statement as its change by passing {@link #document()} as the bind value of {@code audit_append(CAST(? AS
 * jsonb))} (V6 migration): the change and its audit row commit together in one round trip, and the audit package
 * stays the only owner of the audit_logs columns.
 *
 * @param document the row as the JSON document {@code audit_append} reads
 */
public record PendingAudit(String document) {}
