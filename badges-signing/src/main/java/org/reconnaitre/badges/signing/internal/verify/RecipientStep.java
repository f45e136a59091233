package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.internal.JsonNodes;
import org.reconnaitre.badges.signing.internal.id.Identifier;
import org.reconnaitre.badges.signing.internal.ob2.Ob2Recipient;

/**
 * Compares the credential's subject with the recipient the caller expects (OB 3.0 / CLR 2.0):
 * {@code credentialSubject.id} equal to the expected value ({@code mailto:} / {@code tel:} for an
 * email / telephone), or an {@code identifier[]} IdentityObject of the fitting {@code identityType}
 * whose {@code identityHash} equals or hashes to it with its salt. Skipped when nothing is expected
 * (and always for nested endorsements and CLR credentials). Messages never repeat the hash or the
 * expected value. Internal.
 */
final class RecipientStep implements Step {
    static final String ID = "recipient";
    private static final int MAX_IDENTIFIERS = 64;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void run(VerificationContext ctx) {
        ExpectedRecipient expected = ctx.expectedRecipient;
        if (expected == null) {
            ctx.notApplicable(ID, "No expected recipient identity was supplied, so the recipient was not compared.");
            return;
        }
        String kind = Ob2Recipient.kind(expected);
        List<JsonNode> subjects = Json.elements(ctx.credential().get("credentialSubject"));
        int identities = 0;
        Set<String> types = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode subject : subjects) {
            if (!subject.isObject()) {
                continue;
            }
            String id = JsonNodes.text(subject.get("id"));
            if (id != null) {
                identities++;
                types.add("credentialSubject.id");
                if (idMatches(id, expected)) {
                    ctx.passed(ID, "The credential was awarded to the expected " + kind + " (credentialSubject.id).");
                    return;
                }
            }
            int seen = 0;
            for (JsonNode identifier : Json.elements(subject.get("identifier"))) {
                if (++seen > MAX_IDENTIFIERS) {
                    problems.add("only the first " + MAX_IDENTIFIERS + " identifiers were compared");
                    break;
                }
                String type = JsonNodes.text(identifier.get("identityType"));
                String value = JsonNodes.text(identifier.get("identityHash"));
                if (type == null || value == null) {
                    continue;
                }
                identities++;
                types.add(type);
                if (!typeFits(type, expected)) {
                    continue;
                }
                boolean hashed = identifier.path("hashed").asBoolean(false);
                String salt = identifier.path("salt").isTextual() ? identifier.path("salt").asText() : "";
                Boolean match = Ob2Recipient.matches(value, hashed, salt, expected);
                if (match == null) {
                    problems.add("an identifier of type " + type + " is marked hashed but is not a sha256$ or md5$ hash");
                } else if (match) {
                    String how = hashed ? "salted " + value.split("\\$", 2)[0].toLowerCase(Locale.ROOT) + " hash"
                            : "plain value";
                    ctx.passed(ID, "The credential was awarded to the expected " + kind + " (identifier of type "
                            + type + ", " + how + ").");
                    return;
                }
            }
        }
        if (identities == 0) {
            ctx.failed(ID, "The credential names no recipient (no credentialSubject.id nor identifier) to compare with"
                    + " the expected " + kind + ".");
            return;
        }
        ctx.failed(ID, "The credential was not awarded to the expected " + kind + ": none of its recipient identities "
                + types + " matches" + (problems.isEmpty() ? "." : " (" + String.join("; ", problems) + ")."));
    }

    private static boolean idMatches(String id, ExpectedRecipient expected) {
        String want = expected.value();
        return switch (expected.type()) {
            case EMAIL -> id.strip().equalsIgnoreCase("mailto:" + want);
            case TELEPHONE -> id.strip().replaceAll("[\\s().-]", "").equals("tel:" + want);
            // a DID, URL or other URI: the same identifier per DID Core / RFC 3986 (both must be valid)
            default -> Identifier.same(id, want);
        };
    }

    private static boolean typeFits(String identityType, ExpectedRecipient expected) {
        String t = identityType.toLowerCase(Locale.ROOT);
        boolean email = t.equals("emailaddress");
        boolean phone = t.contains("phone");
        return switch (expected.type()) {
            case EMAIL -> email;
            case TELEPHONE -> phone;
            default -> !email && !phone;
        };
    }
}
