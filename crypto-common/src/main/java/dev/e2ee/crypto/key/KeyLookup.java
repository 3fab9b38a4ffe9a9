package dev.e2ee.crypto.key;

import java.util.Optional;

/** How an opener finds a key by its kid: always from its own configuration, never from the caller. */
@FunctionalInterface
public interface KeyLookup<K> {

    Optional<K> find(String kid);
}
