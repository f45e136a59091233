package org.reconnaitre.badges.signing.status.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.internal.id.Identifier;
import org.reconnaitre.badges.signing.status.StatusEntry;
import org.reconnaitre.badges.signing.status.StatusEntry.Method;
import org.reconnaitre.badges.signing.status.StatusResult;
import org.reconnaitre.badges.signing.status.StatusResult.Outcome;

/** Applies one entry to one fetched list. Never throws for bad input: the result says what is wrong. */
public final class ListChecker {
    private ListChecker() {}

    public static StatusResult error(@Nullable StatusEntry e, String code, String message, Optional<String> listId,
            List<String> warnings) {
        return new StatusResult(e == null ? Optional.empty() : Optional.of(e.method()), e == null ? "" : e.purpose(),
                e == null ? -1 : e.index(), -1, Outcome.ERROR, message, code, listId, warnings);
    }

    public static StatusResult unknown(@Nullable StatusEntry e, String code, String message) {
        return new StatusResult(e == null ? Optional.empty() : Optional.of(e.method()), e == null ? "" : e.purpose(),
                e == null ? -1 : e.index(), -1, Outcome.UNKNOWN, message, code, Optional.empty(), List.of());
    }

    public static StatusResult check(StatusEntry entry, String listJson, @Nullable String credentialId) {
        JsonNode list;
        try {
            list = Json.parse(listJson);
        } catch (BadgeException e) {
            return error(entry, "MALFORMED_VALUE_ERROR", "The status list at " + entry.listUrl() + " is not valid JSON: "
                    + e.getMessage(), Optional.empty(), List.of());
        }
        return check(entry, list, credentialId);
    }

    /** As {@link #check(StatusEntry, String, String)}, with the list (credential) already parsed. */
    public static StatusResult check(StatusEntry entry, JsonNode list, @Nullable String credentialId) {
        if (!list.isObject()) {
            return error(entry, "MALFORMED_VALUE_ERROR", "The status list at " + entry.listUrl() + " is not a JSON object",
                    Optional.empty(), List.of());
        }
        Optional<String> listId = Optional.ofNullable(Entries.text(list, "id"));
        List<String> warnings = new ArrayList<>();
        boolean elsewhere = listId.isPresent() && !sameResource(listId.get(), entry.listUrl().toString());
        if (elsewhere) {
            warnings.add("The status list's id " + listId.get() + " differs from the URL " + entry.listUrl()
                    + " the credential refers to.");
        }
        if (entry.method() == Method.ONE_EDTECH_REVOCATION_LIST) {
            return revocationList(entry, list, credentialId, listId, elsewhere, warnings);
        }
        return bitstring(entry, list, listId, elsewhere, warnings);
    }

    private static boolean sameResource(String listId, String url) {
        Optional<Identifier> a = Identifier.tryParse(listId);
        Optional<Identifier> b = Identifier.tryParse(url);
        return a.isPresent() && b.isPresent() && a.get().sameResource(b.get());
    }

    /** @param elsewhere whether the list declares an id other than the URL it was read from */
    private static StatusResult bitstring(StatusEntry entry, JsonNode list, Optional<String> listId, boolean elsewhere,
            List<String> warnings) {
        boolean w3c = entry.method() == Method.BITSTRING_STATUS_LIST;
        String credentialType = w3c ? "BitstringStatusListCredential" : "StatusList2021Credential";
        String subjectType = w3c ? "BitstringStatusList" : "StatusList2021";
        String where = "The status list credential at " + entry.listUrl();
        if (!has(list.path("type"), credentialType)) {
            return error(entry, "STATUS_VERIFICATION_ERROR", where + " is not a " + credentialType + " (its type is "
                    + list.path("type") + ")", listId, warnings);
        }
        JsonNode subject = list.path("credentialSubject");
        if (subject.isArray() && subject.size() == 1) {
            subject = subject.get(0);
        }
        if (!subject.isObject()) {
            return error(entry, "MALFORMED_VALUE_ERROR", where + " has no credentialSubject object", listId, warnings);
        }
        JsonNode st = subject.path("type");
        if (!st.isMissingNode() && !has(st, subjectType)) {
            return error(entry, "STATUS_VERIFICATION_ERROR", where + " has a credentialSubject of type " + st
                    + ", not " + subjectType, listId, warnings);
        }
        JsonNode purposes = subject.path("statusPurpose");
        if (purposes.isMissingNode()) {
            return error(entry, "STATUS_VERIFICATION_ERROR", where + " declares no statusPurpose, so it cannot say"
                    + " anything about the credential's " + entry.purpose(), listId, warnings);
        } else if (!hasIgnoringCase(purposes, entry.purpose())) {
            return error(entry, "STATUS_VERIFICATION_ERROR", "The credential's status purpose '" + entry.purpose()
                    + "' does not match the list's " + purposes + " (" + entry.listUrl() + ")", listId, warnings);
        }
        String encoded = Entries.text(subject, "encodedList");
        if (encoded == null) {
            return error(entry, "MALFORMED_VALUE_ERROR", where + " has no encodedList", listId, warnings);
        }
        byte[] bits;
        try {
            bits = Bitstrings.decode(encoded, w3c);
        } catch (Bitstrings.DecodeException e) {
            return error(entry, e.code(), where + ": " + e.getMessage(), listId, warnings);
        }
        long bitLength = bits.length * 8L;
        if (bitLength < Bitstrings.MIN_LIST_BITS) {
            warnings.add("STATUS_LIST_LENGTH_ERROR: the list holds " + bitLength + " bits, fewer than the "
                    + Bitstrings.MIN_LIST_BITS + " the specification requires for holder privacy; the status was read anyway.");
        }
        long position = entry.index() * entry.statusSize();
        if (position + entry.statusSize() > bitLength) {
            return error(entry, "RANGE_ERROR", "The statusListIndex " + entry.index() + " is outside the list at "
                    + entry.listUrl() + ", which holds " + (bitLength / entry.statusSize()) + " entries", listId, warnings);
        }
        int value = Bitstrings.read(bits, position, entry.statusSize());
        String statusMessage = statusMessage(entry, subject, value, warnings);
        String purpose = entry.purpose().toLowerCase(Locale.ROOT);
        String at = "entry " + entry.index() + " of the " + entry.purpose() + " list " + entry.listUrl();
        String suffix = statusMessage == null ? "" : " (\"" + statusMessage + "\")";
        Outcome outcome;
        String message;
        if (value == 0) {
            outcome = Outcome.VALID;
            message = switch (purpose) {
                case "revocation" -> "Not revoked: " + at + " is 0.";
                case "suspension" -> "Not suspended: " + at + " is 0.";
                default -> "Status 0 at " + at + suffix + ".";
            };
        } else if (purpose.equals("revocation")) {
            outcome = Outcome.REVOKED;
            message = "Revoked: " + at + " is set" + suffix + ".";
        } else if (purpose.equals("suspension")) {
            outcome = Outcome.SUSPENDED;
            message = "Suspended: " + at + " is set" + suffix + ".";
        } else {
            outcome = Outcome.FLAGGED;
            message = "Status 0x" + Integer.toHexString(value) + " at " + at + suffix + ".";
        }
        if (outcome == Outcome.VALID && elsewhere) {
            return notForThisUrl(entry, listId, warnings);
        }
        return new StatusResult(Optional.of(entry.method()), entry.purpose(), entry.index(), value, outcome, message, "",
                listId, warnings);
    }

    /**
     * A list that declares another id than the URL it was read from may be another list of the same
     * issuer served in its place (a replay): a set entry is still reported, but a clear one is not
     * taken as this credential's status. The result is undetermined (a failure under
     * {@code StatusPolicy.FAIL}, a warning under {@code WARN}).
     */
    private static StatusResult notForThisUrl(StatusEntry entry, Optional<String> listId, List<String> warnings) {
        return new StatusResult(Optional.of(entry.method()), entry.purpose(), entry.index(), -1, Outcome.UNKNOWN,
                "The status list read at " + entry.listUrl() + " says it is " + listId.orElse("?") + ": a list answers for"
                        + " its own URL only (another list of the issuer could have been served in its place), so its"
                        + " clear entry cannot be taken as this credential's status.",
                "STATUS_VERIFICATION_ERROR", listId, warnings);
    }

    /** The message for a value, from the entry's statusMessage (or the list's, in older drafts). */
    private static @Nullable String statusMessage(StatusEntry entry, JsonNode subject, int value, List<String> warnings) {
        JsonNode messages;
        try {
            messages = Json.parse(entry.json()).path("statusMessage");
        } catch (BadgeException e) {
            messages = subject.path("statusMessage");
        }
        if (messages.isMissingNode()) {
            messages = subject.path("statusMessage");
        }
        if (messages.isMissingNode()) {
            if (entry.statusSize() > 1) {
                warnings.add("statusSize is " + entry.statusSize() + " but no statusMessage explains the values.");
            }
            return null;
        }
        if (!messages.isArray()) {
            warnings.add("statusMessage is not an array; ignored.");
            return null;
        }
        for (JsonNode m : messages) {
            String status = Entries.text(m, "status");
            if (status == null) {
                continue;
            }
            String hex = status.strip().toLowerCase(Locale.ROOT);
            hex = hex.startsWith("0x") ? hex.substring(2) : hex;
            if (hex.matches("[0-9a-f]{1,8}") && new BigInteger(hex, 16).intValue() == value) {
                return Entries.text(m, "message");
            }
        }
        return null;
    }

    private static StatusResult revocationList(StatusEntry entry, JsonNode list, @Nullable String credentialId,
            Optional<String> listId, boolean elsewhere, List<String> warnings) {
        if (credentialId == null || credentialId.isBlank()) {
            return error(entry, "STATUS_VERIFICATION_ERROR", "A 1EdTechRevocationList names revoked credential ids, "
                    + "but this credential has no id to look up", listId, warnings);
        }
        JsonNode revoked = list.path("revokedCredentials");
        if (!revoked.isArray()) {
            if (revoked.isMissingNode() || revoked.isNull()) {
                revoked = Json.mapper().createArrayNode();
                warnings.add("The revocation list at " + entry.listUrl() + " has no revokedCredentials array; read as empty.");
            } else {
                return error(entry, "MALFORMED_VALUE_ERROR", "The revocation list at " + entry.listUrl()
                        + " has a revokedCredentials value that is not an array", listId, warnings);
            }
        }
        for (JsonNode item : revoked) {
            String id = item.isTextual() ? item.asText() : Entries.text(item, "id");
            JsonNode flag = item.path("revoked");
            boolean isRevoked = flag.isMissingNode() || flag.isNull() || flag.asBoolean(false);
            if (credentialId.equals(id) && isRevoked) {
                String reason = Entries.text(item, "revocationReason");
                return new StatusResult(Optional.of(entry.method()), entry.purpose(), -1, 1, Outcome.REVOKED,
                        "Revoked: " + credentialId + " is listed in the revocation list " + entry.listUrl()
                                + (reason == null ? "" : " (reason: \"" + reason + "\")") + ".",
                        "", listId, warnings);
            }
        }
        if (elsewhere) {
            return notForThisUrl(entry, listId, warnings);
        }
        return new StatusResult(Optional.of(entry.method()), entry.purpose(), -1, 0, Outcome.VALID,
                "Not revoked: " + credentialId + " is not in the revocation list " + entry.listUrl()
                        + " (" + revoked.size() + " revoked credentials listed).", "", listId, warnings);
    }

    private static boolean has(JsonNode type, String value) {
        if (type.isTextual()) {
            return type.asText().equals(value);
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (value.equals(t.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasIgnoringCase(JsonNode values, String value) {
        if (values.isTextual()) {
            return values.asText().equalsIgnoreCase(value);
        }
        if (values.isArray()) {
            for (JsonNode t : values) {
                if (t.asText().equalsIgnoreCase(value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
