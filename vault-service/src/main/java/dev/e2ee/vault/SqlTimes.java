package dev.e2ee.vault;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The vault's one reading of a nullable {@code timestamptz} column as an {@link Instant}, for every row mapper. */
public final class SqlTimes {

    private SqlTimes() {}

    /** The column's value, or null when it is SQL NULL. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
