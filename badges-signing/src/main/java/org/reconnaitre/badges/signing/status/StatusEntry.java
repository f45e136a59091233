package org.reconnaitre.badges.signing.status;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.status.internal.Entries;

/**
 * One {@code credentialStatus} entry of a credential, as far as it can be read without fetching
 * anything.
 *
 * <pre>{@code
 * StatusEntry e = StatusEntry.parse("""
 *     {"type":"BitstringStatusListEntry","statusPurpose":"revocation",
 *      "statusListIndex":"94567","statusListCredential":"https://example.com/status/3"}""");
 * assert e.method() == StatusEntry.Method.BITSTRING_STATUS_LIST && e.index() == 94567;
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param method the status method, from the entry's {@code type}
 * @param purpose {@code statusPurpose} ({@code revocation}, {@code suspension}, {@code message}, ...),
 *     or {@code revocation} for a 1EdTech Revocation List
 * @param index {@code statusListIndex}, or -1 when the method has none (1EdTech Revocation List)
 * @param statusSize bits per entry ({@code statusSize}, default 1)
 * @param listUrl where the status list (credential) lives: {@code statusListCredential}, or the
 *     entry {@code id} for a 1EdTech Revocation List; any fragment removed
 * @param json the entry as JSON text
 */
public record StatusEntry(Method method, String purpose, long index, int statusSize, URI listUrl, String json) {

    /** Status methods this package decodes. */
    public enum Method {
        /** W3C Bitstring Status List v1.0 ({@code BitstringStatusListEntry}). */
        BITSTRING_STATUS_LIST("BitstringStatusListEntry"),
        /** The older StatusList2021 ({@code StatusList2021Entry}), read only. */
        STATUS_LIST_2021("StatusList2021Entry"),
        /** Open Badges 3.0 {@code 1EdTechRevocationList}: a JSON list of revoked credential ids. */
        ONE_EDTECH_REVOCATION_LIST("1EdTechRevocationList");

        private final String type;

        Method(String type) {
            this.type = type;
        }

        /** @return the entry {@code type} value */
        public String type() {
            return type;
        }
    }

    /** Validates. */
    public StatusEntry {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(listUrl, "listUrl");
        Objects.requireNonNull(json, "json");
        if (statusSize < 1 || statusSize > Entries.MAX_STATUS_SIZE) {
            throw new IllegalArgumentException("statusSize must be 1.." + Entries.MAX_STATUS_SIZE);
        }
    }

    /**
     * Reads one entry.
     *
     * @param entryJson a {@code credentialStatus} object
     * @return the entry
     * @throws BadgeException {@code MALFORMED_JSON} or {@code INVALID_DOCUMENT} (with the reason)
     *     when it is not a readable entry of a supported method
     */
    public static StatusEntry parse(String entryJson) throws BadgeException {
        return Entries.parse(entryJson);
    }

    /** @return the fragment of the entry id (often the index), if any */
    public Optional<String> fragment() {
        return Entries.fragment(json);
    }
}
