package dev.e2ee.crypto.atrest;

import dev.e2ee.crypto.Pae;
import java.util.Objects;

/** Where a record lives; its associated data is {@code PAE("e2ee-at-rest-v1", table, recordId, version)}. */
public record RecordContext(String table, String recordId, long version) {

    static final String DOMAIN = "e2ee-at-rest-v1";

    public RecordContext {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(recordId, "recordId");
    }

    public byte[] associatedData() {
        return Pae.encode(DOMAIN, table, recordId, Long.toString(version));
    }
}
