package org.reconnaitre.badges.signing.internal.ob2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.IdentityHash;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.ExpectedRecipient;

/**
 * Compares an OB 2.0 assertion's {@code recipient} (IdentityObject: type, hashed, salt, identity)
 * with the identity a caller expects, through the model's {@link IdentityHash} (constant-time
 * comparison; email addresses compared without regard to case). The recipient type must fit the
 * expected kind ({@code email}, {@code url}, {@code telephone}; {@code id} for a DID or an id, which
 * also accepts {@code url}). Messages never repeat the hash or the expected value. Stateless,
 * thread-safe. Internal.
 */
public final class Ob2Recipient {
    static final String ID = "recipient";

    private Ob2Recipient() {}

    /**
     * @param recipient the assertion's recipient node
     * @param expected the identity the caller expects, or null
     * @return the {@code recipient} check: skipped when nothing is expected
     */
    public static CheckResult check(@Nullable JsonNode recipient, @Nullable ExpectedRecipient expected) {
        if (expected == null) {
            return CheckResult.skipped(ID, "No expected recipient identity was supplied, so the recipient was not compared.");
        }
        String kind = kind(expected);
        if (recipient == null || !recipient.isObject() || !recipient.path("identity").isTextual()) {
            return CheckResult.failed(ID, "The assertion has no readable recipient identity to compare with the expected "
                    + kind + ".");
        }
        String type = recipient.path("type").asText("email").strip().toLowerCase(Locale.ROOT);
        boolean typeFits = switch (expected.type()) {
            case EMAIL -> type.equals("email");
            case URL -> type.equals("url");
            case TELEPHONE -> type.equals("telephone");
            case DID -> type.equals("id");
            case ID -> type.equals("id") || type.equals("url");
        };
        if (!typeFits) {
            return CheckResult.failed(ID, "The badge was awarded to a recipient identified by " + type + ", not by the"
                    + " expected " + kind + ".");
        }
        boolean hashed = recipient.path("hashed").asBoolean(false);
        String salt = recipient.path("salt").isTextual() ? recipient.path("salt").asText() : "";
        Boolean match = matches(recipient.path("identity").asText(), hashed, salt, expected);
        if (match == null) {
            return CheckResult.failed(ID, "The recipient identity is marked hashed but is not a sha256$ or md5$ hash.");
        }
        String how = hashed ? "salted " + recipient.path("identity").asText().split("\\$", 2)[0].toLowerCase(Locale.ROOT)
                + " hash" : "plain " + type;
        return match ? CheckResult.passed(ID, "The badge was awarded to the expected " + kind + " (" + how + ").")
                : CheckResult.failed(ID, "The badge was not awarded to the expected " + kind + " (the recipient "
                        + (hashed ? "hash does not match" : "differs") + ").");
    }

    /**
     * Compares one identity value with the expectation.
     *
     * @param identity the value in the document (plain, or {@code alg$hex} when hashed)
     * @param hashed whether the value is a hash
     * @param salt the salt ("" when none)
     * @param expected the expectation
     * @return whether they match; null when the value is marked hashed but is not a hash
     */
    public static @Nullable Boolean matches(String identity, boolean hashed, String salt, ExpectedRecipient expected) {
        String want = expected.value();
        if (hashed) {
            Optional<IdentityHash> hash = IdentityHash.parse(identity.strip());
            if (hash.isEmpty()) {
                return null;
            }
            return expected.type() == ExpectedRecipient.Type.EMAIL ? hash.get().matchesEmail(want, salt)
                    : hash.get().matches(want, salt);
        }
        String have = identity.strip();
        return switch (expected.type()) {
            case EMAIL -> have.toLowerCase(Locale.ROOT).equals(want.toLowerCase(Locale.ROOT));
            case TELEPHONE -> have.replaceAll("[\\s().-]", "").equals(want);
            default -> have.equals(want);
        };
    }

    /** @return "email", "URL", "telephone number", "DID" or "identifier" */
    public static String kind(ExpectedRecipient expected) {
        return switch (expected.type()) {
            case EMAIL -> "email address";
            case URL -> "URL";
            case TELEPHONE -> "telephone number";
            case DID -> "DID";
            case ID -> "identifier";
        };
    }
}
