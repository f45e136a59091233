package org.reconnaitre.badges.signing.internal.di;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fast path for the commonest proof configuration: a {@code DataIntegrityProof} with only
 * {@code type}, {@code cryptosuite}, {@code created}, {@code verificationMethod} and
 * {@code proofPurpose}, under a document context that starts with the (protected) VC 2.0 context
 * followed only by known Open Badges / CLR contexts. Its canonical N-Quads are then fixed by those
 * five values, so JSON-LD processing of the large contexts is skipped. Anything else takes the
 * general path; {@code ProofConfigTemplateTest} checks both paths agree. Internal. Thread-safe.
 */
final class ProofConfigTemplate {
    private static final String VC2 = "https://www.w3.org/ns/credentials/v2";
    /** Contexts checked (by test) to leave the proof terms and the IRI schemes below untouched. */
    static final Set<String> KNOWN_CONTEXTS = Set.of(
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
            "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
            "https://www.w3.org/ns/credentials/examples/v2");
    private static final Set<String> FIELDS = Set.of("type", "cryptosuite", "created", "verificationMethod",
            "proofPurpose", "@context");
    private static final Set<String> SUITES = Set.of("eddsa-rdfc-2022", "ecdsa-rdfc-2019", "eddsa-2022", "ecdsa-sd-2023");
    /** Only the purpose of credentials; others map to other IRIs (e.g. authentication → authenticationMethod). */
    private static final Set<String> PURPOSES = Set.of("assertionMethod");
    private static final Pattern CREATED = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");
    private static final Pattern VM = Pattern.compile("(did|https|http|urn):[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]{1,2000}");

    private ProofConfigTemplate() {}

    /** @return the canonical N-Quads, when the fast path applies */
    static Optional<String> canonical(JsonNode config) {
        if (!config.isObject() || !contextOk(config.get("@context"))) {
            return Optional.empty();
        }
        Iterator<String> names = config.fieldNames();
        while (names.hasNext()) {
            if (!FIELDS.contains(names.next())) {
                return Optional.empty();
            }
        }
        String type = text(config, "type");
        String suite = text(config, "cryptosuite");
        String created = text(config, "created");
        String vm = text(config, "verificationMethod");
        String purpose = text(config, "proofPurpose");
        if (!"DataIntegrityProof".equals(type) || suite == null || !SUITES.contains(suite) || created == null
                || !CREATED.matcher(created).matches() || vm == null || !VM.matcher(vm).matches() || !NQuads.isIri(vm)
                || purpose == null || !PURPOSES.contains(purpose)) {
            return Optional.empty();
        }
        return Optional.of("_:c14n0 <http://purl.org/dc/terms/created> \"" + created
                + "\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n"
                + "_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/security#DataIntegrityProof> .\n"
                + "_:c14n0 <https://w3id.org/security#cryptosuite> \"" + suite
                + "\"^^<https://w3id.org/security#cryptosuiteString> .\n"
                + "_:c14n0 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#" + purpose + "> .\n"
                + "_:c14n0 <https://w3id.org/security#verificationMethod> <" + vm + "> .\n");
    }

    private static boolean contextOk(JsonNode ctx) {
        if (ctx == null || !ctx.isArray() || ctx.isEmpty() || !VC2.equals(ctx.get(0).asText(null))) {
            return ctx != null && ctx.isTextual() && VC2.equals(ctx.asText());
        }
        for (int i = 1; i < ctx.size(); i++) {
            JsonNode c = ctx.get(i);
            if (!c.isTextual() || !KNOWN_CONTEXTS.contains(c.asText())) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
