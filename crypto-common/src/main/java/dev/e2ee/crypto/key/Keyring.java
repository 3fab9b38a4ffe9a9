package dev.e2ee.crypto.key;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable set of key versions with exactly one {@link Status#PRIMARY}; safe to share across threads. New
 * envelopes/records use the primary; {@link #find} accepts any non-retired version. Changes return a new keyring.
 */
public final class Keyring<K> implements KeyLookup<K> {

    public enum Status {
        PRIMARY,
        ACTIVE,
        RETIRED
    }

    /** One key version. {@code label} is a human-readable alias (may equal the kid). */
    public record Version<K>(String kid, String label, K key, Status status, Instant createdAt) {

        public Version {
            if (kid == null || kid.isBlank()) {
                throw new IllegalArgumentException("a key version needs a kid");
            }
            label = label == null || label.isBlank() ? kid : label;
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        Version<K> withStatus(Status newStatus) {
            return new Version<>(kid, label, key, newStatus, createdAt);
        }

        @Override
        public String toString() {
            return "Version[kid=" + kid + ", label=" + label + ", status=" + status + ", createdAt=" + createdAt + "]";
        }
    }

    private final List<Version<K>> versions;
    private final Version<K> primary;

    private Keyring(List<Version<K>> versions) {
        this.versions = List.copyOf(versions);
        this.primary = validate(this.versions);
    }

    /** Validates: at least one version, unique kids and labels, exactly one primary. */
    public static <K> Keyring<K> of(List<Version<K>> versions) {
        return new Keyring<>(Objects.requireNonNull(versions, "versions"));
    }

    /** A keyring holding one primary version. */
    public static <K> Keyring<K> single(String kid, String label, K key, Instant createdAt) {
        return of(List.of(new Version<>(kid, label, key, Status.PRIMARY, createdAt)));
    }

    private static <K> Version<K> validate(List<Version<K>> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a keyring needs at least one version");
        }
        Set<String> names = new HashSet<>();
        Version<K> primary = null;
        for (Version<K> version : versions) {
            if (!names.add(version.kid()) || (!version.label().equals(version.kid()) && !names.add(version.label()))) {
                throw new IllegalArgumentException("duplicate kid or label in keyring: " + version.kid());
            }
            if (version.status() == Status.PRIMARY) {
                if (primary != null) {
                    throw new IllegalArgumentException("a keyring needs exactly one primary version, found several");
                }
                primary = version;
            }
        }
        if (primary == null) {
            throw new IllegalArgumentException("a keyring needs exactly one primary version, found none");
        }
        return primary;
    }

    public Version<K> primary() {
        return primary;
    }

    /** Any version (retired included) by kid or label. */
    public Optional<Version<K>> version(String kidOrLabel) {
        if (kidOrLabel == null) {
            return Optional.empty();
        }
        Optional<Version<K>> byKid =
                versions.stream().filter(v -> v.kid().equals(kidOrLabel)).findFirst();
        return byKid.isPresent()
                ? byKid
                : versions.stream().filter(v -> v.label().equals(kidOrLabel)).findFirst();
    }

    public List<Version<K>> versions() {
        return versions;
    }

    /** The key of a non-retired version with this kid. */
    @Override
    public Optional<K> find(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        return versions.stream()
                .filter(v -> v.kid().equals(kid) && v.status() != Status.RETIRED)
                .map(Version::key)
                .findFirst();
    }

    /** A new keyring whose primary is the given key; the old primary becomes ACTIVE. */
    public Keyring<K> rotate(String kid, String label, K key, Instant now) {
        List<Version<K>> next = new ArrayList<>(versions.size() + 1);
        next.add(new Version<>(kid, label, key, Status.PRIMARY, now));
        for (Version<K> version : versions) {
            next.add(version.status() == Status.PRIMARY ? version.withStatus(Status.ACTIVE) : version);
        }
        return new Keyring<>(next);
    }

    /** A new keyring in which this (non-primary) version is RETIRED. */
    public Keyring<K> retire(String kid) {
        Version<K> target = versions.stream()
                .filter(v -> v.kid().equals(kid))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no key version with kid " + kid));
        if (target.status() == Status.PRIMARY) {
            throw new IllegalArgumentException("the primary key version cannot be retired; rotate first");
        }
        List<Version<K>> next = new ArrayList<>(versions.size());
        for (Version<K> version : versions) {
            next.add(version == target ? version.withStatus(Status.RETIRED) : version);
        }
        return new Keyring<>(next);
    }

    @Override
    public String toString() {
        return "Keyring" + versions;
    }
}
