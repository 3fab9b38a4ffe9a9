package dev.e2ee.platform.security;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One entry of the vault's API-key mirror in Redis, stored under both {@code e2ee:apikey:<keyHash>} and
 * {@code e2ee:apikey:id:<id>}: who the key acts as, until when the entry may be trusted ({@code notAfter}, epoch
 * seconds), and {@code mac}, the HMAC that {@link ApiKeyMirrorFormat} computes over all other fields with a key
 * Redis never sees. Never holds the raw API key.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeyMirrorEntry(
        String id, String owner, List<String> roles, String keyHash, long notAfter, String mac) {

    public ApiKeyMirrorEntry {
        roles = roles == null ? null : List.copyOf(roles);
    }

    /** The same entry without its MAC (what is authenticated). */
    public static ApiKeyMirrorEntry unsigned(
            String id, String owner, List<String> roles, String keyHash, long notAfter) {
        return new ApiKeyMirrorEntry(id, owner, roles, keyHash, notAfter, null);
    }

    ApiKeyMirrorEntry withMac(String value) {
        return new ApiKeyMirrorEntry(id, owner, roles, keyHash, notAfter, value);
    }

    boolean complete() {
        return id != null && owner != null && roles != null && keyHash != null && mac != null;
    }

    /** The principal an API-key request with this entry acts as. */
    public E2eePrincipal principal() {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        roles.forEach(name -> Role.fromClaim(name).ifPresent(parsed::add));
        return new E2eePrincipal(owner, parsed, null, AuthMethod.API_KEY, id);
    }
}
