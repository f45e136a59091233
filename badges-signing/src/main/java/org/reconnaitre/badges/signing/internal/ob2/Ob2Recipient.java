package org.reconnaitre.badges.signing.internal.ob2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.IdentityHash;
import org.reconnaitre.badges.signing.CheckResult;

/**
 * Compares an OB 2.0 assertion's {@code recipient} (IdentityObject: type, hashed, salt, identity)
 * with the identity a caller expects, through the model's {@link IdentityHash} (constant-time
 * comparison; email addresses also compared trimmed and lower-cased). Stateless, thread-safe. Internal.
 */
public final class Ob2Recipient {
    static final String ID = "recipient";

    private Ob2Recipient() {}

    /**
     * @param recipient the assertion's recipient node
     * @param expected the identity the caller expects (an email, URL, telephone or id), or null
     * @return the {@code recipient} check: skipped when nothing is expected
     */
    public static CheckResult check(@Nullable JsonNode recipient, @Nullable String expected) {
        if (expected == null) {
            return CheckResult.skipped(ID, "No expected recipient identity was supplied, so the recipient was not compared.");
        }
        if (recipient == null || !recipient.isObject() || !recipient.path("identity").isTextual()) {
            return CheckResult.failed(ID, "The assertion has no readable recipient identity to compare with.");
        }
        String type = recipient.path("type").asText("email");
        String identity = recipient.path("identity").asText();
        String salt = recipient.path("salt").isTextual() ? recipient.path("salt").asText() : "";
        boolean email = type.equalsIgnoreCase("email");
        boolean match;
        if (recipient.path("hashed").asBoolean(false)) {
            Optional<IdentityHash> hash = IdentityHash.parse(identity);
            if (hash.isEmpty()) {
                return CheckResult.failed(ID, "The recipient identity is marked hashed but \"" + identity
                        + "\" is not a sha256$ or md5$ hash.");
            }
            match = email ? hash.get().matchesEmail(expected, salt) : hash.get().matches(expected, salt);
        } else {
            match = email ? identity.strip().toLowerCase(Locale.ROOT).equals(expected.strip().toLowerCase(Locale.ROOT))
                    : identity.equals(expected);
        }
        return match ? CheckResult.passed(ID, "The badge was awarded to the expected " + type + ".")
                : CheckResult.failed(ID, "The badge was not awarded to the expected " + type + " (the recipient "
                        + (recipient.path("hashed").asBoolean(false) ? "hash does not match" : "differs") + ").");
    }
}
