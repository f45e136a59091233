package org.reconnaitre.badges.signing.internal.verify;

import static org.reconnaitre.badges.signing.internal.JsonNodes.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.reconnaitre.badges.signing.internal.JsonNodes;

/**
 * The {@code @context} and {@code type} rules a verifier can check before anything else: the VC
 * base context first, {@code VerifiableCredential} in the type, and an Open Badges or CLR type
 * when an Open Badges or CLR context is used. Older OB 3.0 context versions and the VC 1.1 data
 * model give a warning. Internal.
 */
final class ContextAndTypeStep implements Step {
    static final String ID = "context-and-type";

    static final String VC1 = "https://www.w3.org/2018/credentials/v1";
    static final String VC2 = "https://www.w3.org/ns/credentials/v2";
    private static final String OB_PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/context";
    private static final String OB_LATEST = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    private static final String CLR_PREFIX = "https://purl.imsglobal.org/spec/clr/v2p0/context";
    private static final Set<String> OB_TYPES = Set.of("OpenBadgeCredential", "AchievementCredential", "EndorsementCredential");
    private static final Set<String> STATUS_TYPES = Set.of("BitstringStatusListCredential", "StatusList2021Credential");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void run(VerificationContext ctx) {
        JsonNode c = ctx.credential();
        List<String> contexts = strings(c.get("@context"));
        List<String> types = strings(c.get("type"));
        JsonNode contextNode = c.get("@context");
        if (contextNode == null) {
            ctx.failed(ID, "The credential has no @context, so it is not a verifiable credential.");
            return;
        }
        String first = contextNode.isArray() ? (contextNode.size() > 0 ? JsonNodes.text(contextNode.get(0)) : null)
                : JsonNodes.text(contextNode);
        if (contexts.stream().anyMatch(u -> u.startsWith("https://w3id.org/openbadges/v") || u.startsWith("https://openbadgespec.org/"))
                && !(VC1.equals(first) || VC2.equals(first))) {
            ctx.failed(ID, "This is an Open Badges 2.0 (or older) document, not a verifiable credential: this verifier"
                    + " checks Open Badges 3.0 and CLR 2.0 credentials.");
            return;
        }
        if (first == null || !(first.equals(VC1) || first.equals(VC2))) {
            ctx.failed(ID, "The first @context must be the Verifiable Credentials context (" + VC2 + " or " + VC1
                    + "), found " + (first == null ? "none" : first) + ".");
            return;
        }
        if (types.contains("VerifiablePresentation") || types.contains("EnvelopedVerifiablePresentation")) {
            ctx.failed(ID, "This is a verifiable presentation, not a credential: it was not verified. Verify each credential"
                    + " it carries on its own.");
            return;
        }
        if (!types.contains("VerifiableCredential")) {
            ctx.failed(ID, "The type " + types + " does not include VerifiableCredential.");
            return;
        }
        boolean ob = contexts.stream().anyMatch(u -> u.startsWith(OB_PREFIX));
        boolean clr = contexts.stream().anyMatch(u -> u.startsWith(CLR_PREFIX));
        List<String> warnings = new ArrayList<>();
        String kind;
        if (clr) {
            if (!types.contains("ClrCredential")) {
                ctx.failed(ID, "The credential uses the CLR 2.0 context but its type " + types + " lacks ClrCredential.");
                return;
            }
            kind = "a CLR 2.0 ClrCredential";
        } else if (ob) {
            String obType = types.stream().filter(OB_TYPES::contains).findFirst().orElse(null);
            if (obType == null) {
                ctx.failed(ID, "The credential uses the Open Badges 3.0 context but its type " + types
                        + " has none of OpenBadgeCredential, AchievementCredential, EndorsementCredential.");
                return;
            }
            kind = "an Open Badges 3.0 " + obType;
            if (!contexts.contains(OB_LATEST)) {
                contexts.stream().filter(u -> u.startsWith(OB_PREFIX)).findFirst().ifPresent(u -> warnings.add(
                        "It uses an older Open Badges context (" + u + "); the current one is " + OB_LATEST + "."));
            }
        } else if (types.stream().anyMatch(STATUS_TYPES::contains)) {
            kind = "a status list credential";
        } else {
            warnings.add("It is not an Open Badges credential (no Open Badges or CLR context).");
            kind = "a verifiable credential";
        }
        if (first.equals(VC1)) {
            warnings.add("It uses the Verifiable Credentials 1.1 data model, superseded by 2.0.");
        }
        if (warnings.isEmpty()) {
            ctx.passed(ID, "The credential is " + kind + ".");
        } else {
            ctx.warning(ID, "The credential is " + kind + ". " + String.join(" ", warnings));
        }
    }
}
