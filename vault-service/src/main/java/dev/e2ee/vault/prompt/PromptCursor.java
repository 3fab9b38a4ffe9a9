package dev.e2ee.vault.prompt;

import dev.e2ee.vault.prompt.PromptExceptions.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a keyset page of the prompt list ends: the last row's sort value and id, and the sort they belong to.
 * Opaque to clients ({@code pagination.nextCursor}, sent back as {@code ?cursor=}): base64url of
 * {@code v1|sortBy|order|instant|id}. A cursor that does not parse, or was made for another sort, is a 400.
 */
record PromptCursor(String sortBy, boolean ascending, Instant at, UUID id) {

    private static final String VERSION = "v1";
    // what a PostgreSQL timestamptz (and java.sql.Timestamp) holds without error; no stored row lies outside
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    String encode() {
        String plain = String.join("|", VERSION, sortBy, ascending ? "asc" : "desc", at.toString(), id.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, which must belong to the requested sort. */
    static PromptCursor decode(String value, String sortBy, boolean ascending) {
        PromptCursor cursor = parse(value);
        if (!cursor.sortBy().equals(sortBy) || cursor.ascending() != ascending) {
            throw new InvalidRequestException("cursor belongs to another sortBy/sortOrder; send the same sort");
        }
        return cursor;
    }

    private static PromptCursor parse(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0]) || !parts[2].matches("asc|desc")) {
                throw malformed();
            }
            Instant at = Instant.parse(parts[3]);
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw malformed();
            }
            return new PromptCursor(parts[1], "asc".equals(parts[2]), at, UUID.fromString(parts[4]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw malformed();
        }
    }

    private static InvalidRequestException malformed() {
        return new InvalidRequestException("cursor is malformed; use pagination.nextCursor of the previous page");
    }
}
