package org.reconnaitre.badges.model.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.reconnaitre.badges.model.Rule;
import org.reconnaitre.badges.model.Severity;
import org.reconnaitre.badges.model.Validator.DocumentKind;

/** The VC data model and Open Badges rules that a JSON Schema cannot express. */
final class SemanticRules {
    private static final Set<String> DATE_KEYS =
            Set.of("validFrom", "validUntil", "issuanceDate", "expirationDate", "awardedDate", "created");
    private static final Pattern RFC3339 = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$");
    private static final Pattern HASH = Pattern.compile("^(sha256\\$[0-9a-fA-F]{64}|md5\\$[0-9a-fA-F]{32})$");
    private static final List<String> TYPED_OBJECTS =
            List.of("credentialStatus", "credentialSchema", "refreshService", "termsOfUse", "evidence", "proof");
    private static final Set<String> OLD_OB_CONTEXTS = Set.of(
            "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
            "https://purl.imsglobal.org/spec/clr/v2p0/context.json");
    /** Subject and issuer types required per credential kind. */
    private static final Map<DocumentKind, List<String>> OB_TYPES = Map.of(
            DocumentKind.OPEN_BADGE_CREDENTIAL, List.of("OpenBadgeCredential|AchievementCredential", "AchievementSubject"),
            DocumentKind.ENDORSEMENT_CREDENTIAL, List.of("EndorsementCredential", "EndorsementSubject"),
            DocumentKind.CLR_CREDENTIAL, List.of("ClrCredential", "ClrSubject"));

    private final Engine.Options options;
    private final Findings out;

    SemanticRules(Engine.Options options, Findings out) {
        this.options = options;
        this.out = out;
    }

    void check(JsonNode doc, DocumentKind kind) {
        walk(doc, "", kind);
        switch (kind) {
            case VERIFIABLE_PRESENTATION -> presentation(doc, "");
            case OPEN_BADGE_CREDENTIAL, ENDORSEMENT_CREDENTIAL, CLR_CREDENTIAL, VERIFIABLE_CREDENTIAL ->
                    credential(doc, "", kind);
            case PROFILE -> profile(doc, "");
            default -> { }
        }
    }

    // ---- whole-tree rules: ids, dates, identity hashes, embedded endorsements ----

    private void walk(JsonNode node, String ptr, DocumentKind kind) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), Pointers.child(ptr, i), kind);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("@value")) {
            return;
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            String p = Pointers.child(ptr, key);
            switch (key) {
                case "@context" -> {
                    continue;
                }
                case "id", "@id" -> checkId(value, p, kind);
                default -> {
                    if (DATE_KEYS.contains(key) && kind != DocumentKind.OB2_OBJECT) {
                        checkDate(key, value, p);
                    }
                }
            }
            if (options.openBadges()) {
                if (key.equals("identityHash")) {
                    checkHash(node, "identityHash", value, p);
                } else if (key.equals("identity") && kind == DocumentKind.OB2_OBJECT) {
                    checkHash(node, "identity", value, p);
                }
            }
            if (key.equals("endorsement") && kind != DocumentKind.OB2_OBJECT) {
                List<JsonNode> items = Nodes.elements(value);
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    if (item.isObject() && item.has("@context")) {
                        credential(item, Nodes.elementPointer(ptr, key, value, i), Kinds.of(item));
                    }
                }
            }
            walk(value, p, kind);
        }
    }

    private void checkId(JsonNode value, String p, DocumentKind kind) {
        if (!value.isTextual()) {
            out.add(Rule.ID_URI, p, "id must be a single URI string, found " + Nodes.describe(value));
        } else if (kind == DocumentKind.OB2_OBJECT && value.asText().startsWith("_:")) {
            return; // OB 2.0 is plain JSON-LD: blank node identifiers are allowed there
        } else if (!Nodes.isAbsoluteUri(value.asText())) {
            out.add(Rule.ID_URI, p, "id " + Nodes.describe(value) + " is not an absolute URI");
        }
    }

    private void checkDate(String key, JsonNode value, String p) {
        if (!value.isTextual()) {
            out.add(Rule.DATE_FORMAT, p, key + " must be an RFC 3339 date-time string, found " + Nodes.describe(value));
            return;
        }
        if (parseDate(value.asText()).isEmpty()) {
            out.add(Rule.DATE_FORMAT, p, key + " " + Nodes.describe(value)
                    + " is not an RFC 3339 date-time with a time zone (e.g. 2024-01-01T00:00:00Z)");
        }
    }

    static Optional<OffsetDateTime> parseDate(String s) {
        if (!RFC3339.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s.toUpperCase(java.util.Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void checkHash(JsonNode owner, String key, JsonNode value, String p) {
        JsonNode hashed = owner.path("hashed");
        boolean isHashed = hashed.isBoolean() ? hashed.booleanValue() : "true".equals(hashed.asText());
        if (!isHashed) {
            return;
        }
        if (!value.isTextual() || !HASH.matcher(value.asText()).matches()) {
            out.add(Rule.IDENTITY_HASH, p, key + " " + Nodes.describe(value)
                    + " is marked hashed but is not 'sha256$' + 64 hex digits or 'md5$' + 32 hex digits");
        }
    }

    // ---- credentials ----

    private void credential(JsonNode vc, String ptr, DocumentKind kind) {
        List<String> ctx = baseContext(vc, ptr);
        boolean v2 = !ctx.isEmpty() && (ctx.get(0).equals(Nodes.VC2) || !ctx.contains(Nodes.VC1) && ctx.contains(Nodes.VC2));
        boolean v1 = !v2 && ctx.contains(Nodes.VC1);
        requireType(vc, ptr, "VerifiableCredential", Rule.VC_TYPE);

        if (!vc.has("credentialSubject")) {
            out.add(Rule.VC_REQUIRED_PROPERTY, ptr, "credentialSubject is missing");
        }
        if (!vc.has("issuer") && !options.issuanceInput()) {
            out.add(Rule.VC_REQUIRED_PROPERTY, ptr, "issuer is missing");
        }
        if (v1 && !vc.has("issuanceDate") && !options.issuanceInput()) {
            out.add(Rule.VC_REQUIRED_PROPERTY, ptr, "issuanceDate is missing (required by VCDM 1.1)");
        }
        issuer(vc, ptr);
        subjects(vc, ptr);
        typedObjects(vc, ptr);

        if (v2) {
            for (String k : List.of("issuanceDate", "expirationDate")) {
                if (vc.has(k)) {
                    out.add(Rule.VC_VERSION_MIX, Pointers.child(ptr, k), k + " is a VCDM 1.1 property; under the "
                            + "VCDM 2.0 context use " + (k.equals("issuanceDate") ? "validFrom" : "validUntil"));
                }
            }
        } else if (v1) {
            for (String k : List.of("validFrom", "validUntil")) {
                if (vc.has(k)) {
                    out.add(Rule.VC_VERSION_MIX, Severity.WARNING, Pointers.child(ptr, k), k
                            + " is a VCDM 2.0 property in a VCDM 1.1 credential; use "
                            + (k.equals("validFrom") ? "issuanceDate" : "expirationDate"));
                }
            }
        }
        period(vc, ptr, "validFrom", "validUntil");
        period(vc, ptr, "issuanceDate", "expirationDate");

        if (options.openBadges() && OB_TYPES.containsKey(kind)) {
            obContexts(vc, ptr, kind);
            obTypes(vc, ptr, kind);
        }
        if (kind == DocumentKind.CLR_CREDENTIAL) {
            JsonNode cs = vc.path("credentialSubject");
            List<JsonNode> subjects = Nodes.elements(cs);
            for (int s = 0; s < subjects.size(); s++) {
                String sp = Nodes.elementPointer(ptr, "credentialSubject", cs, s);
                JsonNode list = subjects.get(s).path("verifiableCredential");
                List<JsonNode> items = Nodes.elements(list);
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).isObject()) {
                        credential(items.get(i), Nodes.elementPointer(sp, "verifiableCredential", list, i),
                                Kinds.of(items.get(i)));
                    }
                }
            }
        }
    }

    /** Checks the base context and returns the context URLs. */
    private List<String> baseContext(JsonNode node, String ptr) {
        JsonNode c = node.path("@context");
        if (c.isMissingNode()) {
            out.add(Rule.VC_CONTEXT_BASE, ptr, "@context is missing; its first entry must be " + Nodes.VC2);
            return List.of();
        }
        List<String> urls = Nodes.contextUrls(node);
        String first = urls.isEmpty() ? "" : urls.get(0);
        if (!first.equals(Nodes.VC2) && !first.equals(Nodes.VC1)) {
            String p = c.isArray() ? Pointers.child(Pointers.child(ptr, "@context"), 0) : Pointers.child(ptr, "@context");
            JsonNode firstNode = c.isArray() ? c.path(0) : c;
            out.add(Rule.VC_CONTEXT_BASE, p, "the first @context entry is " + Nodes.describe(firstNode)
                    + "; it must be " + Nodes.VC2 + " (or " + Nodes.VC1 + " for VCDM 1.1)");
        }
        return urls;
    }

    private void requireType(JsonNode node, String ptr, String required, Rule rule) {
        String key = Nodes.typeKey(node);
        JsonNode t = Nodes.typeNode(node);
        if (t.isMissingNode()) {
            out.add(rule, ptr, "type is missing; it must include " + required);
        } else if (!Nodes.types(node).contains(required)) {
            out.add(rule, Pointers.child(ptr, key), "type " + t + " does not include " + required);
        }
    }

    private void issuer(JsonNode vc, String ptr) {
        if (!vc.has("issuer")) {
            return;
        }
        JsonNode issuer = vc.get("issuer");
        String p = Pointers.child(ptr, "issuer");
        if (issuer.isTextual()) {
            if (!Nodes.isAbsoluteUri(issuer.asText())) {
                out.add(Rule.VC_ISSUER, p, "issuer " + Nodes.describe(issuer) + " is not a URL");
            }
        } else if (issuer.isObject()) {
            if (!issuer.has("id") && !options.issuanceInput()) {
                out.add(Rule.VC_ISSUER, p, "issuer object has no id");
            }
        } else {
            out.add(Rule.VC_ISSUER, p, "issuer must be a URL or an object with an id, found " + Nodes.describe(issuer));
        }
    }

    private void subjects(JsonNode vc, String ptr) {
        JsonNode cs = vc.path("credentialSubject");
        List<JsonNode> items = Nodes.elements(cs);
        if (cs.isArray() && items.isEmpty()) {
            out.add(Rule.VC_SUBJECT, Pointers.child(ptr, "credentialSubject"), "credentialSubject is an empty array");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode s = items.get(i);
            String p = Nodes.elementPointer(ptr, "credentialSubject", cs, i);
            if (!s.isObject()) {
                out.add(Rule.VC_SUBJECT, p, "credentialSubject must be an object, found " + Nodes.describe(s));
            } else if (s.isEmpty()) {
                out.add(Rule.VC_SUBJECT, p, "credentialSubject is empty: it makes no claim about any subject");
            }
        }
    }

    private void typedObjects(JsonNode node, String ptr) {
        for (String key : TYPED_OBJECTS) {
            JsonNode v = node.path(key);
            List<JsonNode> items = Nodes.elements(v);
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String p = Nodes.elementPointer(ptr, key, v, i);
                if (!item.isObject()) {
                    if (!key.equals("credentialSchema") || !item.isTextual()) {
                        out.add(Rule.VC_TYPED_OBJECT, p, key + " must be an object, found " + Nodes.describe(item));
                    } else {
                        out.add(Rule.VC_TYPED_OBJECT, p, "credentialSchema must be an object with id and type, found "
                                + Nodes.describe(item));
                    }
                    continue;
                }
                if (Nodes.typeNode(item).isMissingNode()) {
                    out.add(Rule.VC_TYPED_OBJECT, p, key + " has no type");
                }
                if (key.equals("credentialSchema") && !item.has("id")) {
                    out.add(Rule.VC_TYPED_OBJECT, p, "credentialSchema has no id");
                }
            }
        }
    }

    private void period(JsonNode vc, String ptr, String fromKey, String untilKey) {
        JsonNode from = vc.path(fromKey);
        JsonNode until = vc.path(untilKey);
        if (!from.isTextual() || !until.isTextual()) {
            return;
        }
        var f = parseDate(from.asText());
        var u = parseDate(until.asText());
        if (f.isPresent() && u.isPresent() && u.get().isBefore(f.get())) {
            out.add(Rule.VALIDITY_PERIOD, Pointers.child(ptr, untilKey), untilKey + " " + until.asText()
                    + " is before " + fromKey + " " + from.asText());
        }
    }

    private void obContexts(JsonNode vc, String ptr, DocumentKind kind) {
        List<String> urls = Nodes.contextUrls(vc);
        if (urls.isEmpty()) {
            return; // already reported by VC-CONTEXT-BASE
        }
        boolean clr = kind == DocumentKind.CLR_CREDENTIAL;
        Pattern wanted = clr ? Nodes.CLR_CONTEXT : Nodes.OB3_CONTEXT;
        String name = clr ? "CLR 2.0" : "Open Badges 3.0";
        String cp = Pointers.child(ptr, "@context");
        int index = -1;
        for (int i = 0; i < urls.size(); i++) {
            if (wanted.matcher(urls.get(i)).matches()) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            out.add(Rule.OB3_CONTEXT, cp, "no " + name + " context in @context (expected e.g. "
                    + (clr ? "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
                            : "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json") + ")");
        } else if (index != 1) {
            out.add(Rule.OB3_CONTEXT_ORDER, Pointers.child(cp, index), "the " + name + " context "
                    + urls.get(index) + " is @context entry " + index + "; it must be entry 1, right after the VC base context");
        }
        for (int i = 0; i < urls.size(); i++) {
            if (OLD_OB_CONTEXTS.contains(urls.get(i))) {
                out.add(Rule.OB3_CONTEXT_VERSION, Pointers.child(cp, i), "outdated context " + urls.get(i)
                        + "; the current versions are context-3.0.3.json (OB) and context-2.0.1.json (CLR)");
            }
        }
    }

    private void obTypes(JsonNode vc, String ptr, DocumentKind kind) {
        List<String> wanted = OB_TYPES.get(kind);
        requireAnyType(vc, ptr, wanted.get(0));
        JsonNode cs = vc.path("credentialSubject");
        List<JsonNode> subjects = Nodes.elements(cs);
        for (int i = 0; i < subjects.size(); i++) {
            JsonNode s = subjects.get(i);
            if (!s.isObject()) {
                continue;
            }
            String sp = Nodes.elementPointer(ptr, "credentialSubject", cs, i);
            requireAnyType(s, sp, wanted.get(1));
            if (kind == DocumentKind.OPEN_BADGE_CREDENTIAL && s.path("achievement").isObject()) {
                requireAnyType(s.get("achievement"), Pointers.child(sp, "achievement"), "Achievement");
            }
        }
        if (vc.path("issuer").isObject()) {
            requireAnyType(vc.get("issuer"), Pointers.child(ptr, "issuer"), "Profile");
        }
    }

    private void requireAnyType(JsonNode node, String ptr, String alternatives) {
        Set<String> types = Nodes.types(node);
        for (String alt : alternatives.split("\\|")) {
            if (types.contains(alt)) {
                return;
            }
        }
        JsonNode t = Nodes.typeNode(node);
        String wanted = alternatives.replace("|", " or ");
        if (t.isMissingNode()) {
            out.add(Rule.OB3_TYPE, ptr, "type is missing; it must include " + wanted);
        } else {
            out.add(Rule.OB3_TYPE, Pointers.child(ptr, Nodes.typeKey(node)), "type " + t + " does not include " + wanted);
        }
    }

    // ---- presentations and profiles ----

    private void presentation(JsonNode vp, String ptr) {
        baseContext(vp, ptr);
        requireType(vp, ptr, "VerifiablePresentation", Rule.VC_TYPE);
        if (vp.has("holder")) {
            JsonNode h = vp.get("holder");
            String p = Pointers.child(ptr, "holder");
            if (h.isTextual()) {
                if (!Nodes.isAbsoluteUri(h.asText())) {
                    out.add(Rule.VP_HOLDER, p, "holder " + Nodes.describe(h) + " is not a URL");
                }
            } else if (h.isObject()) {
                if (!h.has("id")) {
                    out.add(Rule.VP_HOLDER, p, "holder object has no id");
                }
            } else {
                out.add(Rule.VP_HOLDER, p, "holder must be a URL or an object with an id, found " + Nodes.describe(h));
            }
        }
        JsonNode list = vp.path("verifiableCredential");
        List<JsonNode> items = Nodes.elements(list);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String p = Nodes.elementPointer(ptr, "verifiableCredential", list, i);
            if (!item.isObject()) {
                out.add(Rule.VP_CREDENTIAL, p, "verifiableCredential entries must be credential objects, found "
                        + Nodes.describe(item) + " (wrap a secured credential in an EnvelopedVerifiableCredential)");
                continue;
            }
            Set<String> types = Nodes.types(item);
            if (types.contains("EnvelopedVerifiableCredential")) {
                if (!item.path("id").asText("").startsWith("data:")) {
                    out.add(Rule.VP_CREDENTIAL, p, "an EnvelopedVerifiableCredential must have a data: URL id");
                }
            } else if (Nodes.typeNode(item).isMissingNode() && !item.has("credentialSubject")) {
                out.add(Rule.VP_CREDENTIAL, p, "verifiableCredential entry has no type (neither VerifiableCredential "
                        + "nor EnvelopedVerifiableCredential)");
            } else {
                credential(item, p, Kinds.of(item));
            }
        }
        typedObjects(vp, ptr);
    }

    private void profile(JsonNode profile, String ptr) {
        if (!options.openBadges()) {
            return;
        }
        List<String> urls = Nodes.contextUrls(profile);
        if (urls.stream().noneMatch(u -> Nodes.OB3_CONTEXT.matcher(u).matches())) {
            out.add(Rule.OB3_CONTEXT, profile.has("@context") ? Pointers.child(ptr, "@context") : ptr,
                    "no Open Badges 3.0 context in @context of this Profile");
        }
        requireAnyType(profile, ptr, "Profile");
    }
}
