package org.reconnaitre.frameworks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;

/**
 * 1EdTech CASE 1.1 CFPackage JSON: CFDocument, CFItems, CFAssociations ({@code isChildOf} becomes
 * the broader hierarchy). Parsed with the SDK's bounded JSON reader. Internal.
 */
public final class CaseCodec {
    private CaseCodec() {}

    public static FrameworkData read(byte[] json, String source) throws BadgeException {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (BadgeException e) {
            throw new BadgeException(BadgeException.Code.MALFORMED_DATA, source + ": " + e.getMessage(), e);
        }
        JsonNode doc = root.path("CFDocument");
        if (!doc.isObject()) {
            throw bad(source, "/CFDocument", "a CFPackage needs a CFDocument object");
        }
        String docId = text(doc, "identifier");
        if (docId.isEmpty()) {
            throw bad(source, "/CFDocument/identifier", "missing identifier");
        }
        String docLang = text(doc, "language").isEmpty() ? "en" : text(doc, "language").toLowerCase(Locale.ROOT);
        FrameworkData.Builder b = new FrameworkData.Builder().meta(docId, text(doc, "title"),
                text(doc, "version").isEmpty() ? "unknown" : text(doc, "version"),
                text(doc, "licenseURI").isEmpty() ? "see CFDocument" : text(doc, "licenseURI"),
                text(doc, "creator") + (text(doc, "publisher").isEmpty() ? "" : ", " + text(doc, "publisher")));
        JsonNode items = root.path("CFItems");
        if (!items.isMissingNode() && !items.isArray()) {
            throw bad(source, "/CFItems", "must be an array");
        }
        int n = 0;
        for (JsonNode it : items) {
            String ptr = "/CFItems/" + n++;
            String id = text(it, "identifier");
            String statement = text(it, "fullStatement");
            if (id.isEmpty() || statement.isEmpty()) {
                throw bad(source, ptr, "a CFItem needs an identifier and a fullStatement");
            }
            String uri = text(it, "uri").isEmpty() ? "urn:uuid:" + id : text(it, "uri");
            String code = text(it, "humanCodingScheme");
            int c = b.add(uri, code.isEmpty() ? null : code, kind(text(it, "CFItemType")));
            b.alias(id, c);
            String lang = text(it, "language").isEmpty() ? docLang : text(it, "language").toLowerCase(Locale.ROOT);
            b.pref(c, lang, statement);
            if (!text(it, "abbreviatedStatement").isEmpty()) {
                b.alt(c, lang, text(it, "abbreviatedStatement"));
            }
            for (JsonNode a : it.path("alternativeLabel").isArray() ? it.path("alternativeLabel")
                    : JsonNodeFactory.instance.arrayNode()) {
                b.alt(c, lang, a.asText());
            }
        }
        JsonNode assocs = root.path("CFAssociations");
        int k = 0;
        for (JsonNode a : assocs) {
            String ptr = "/CFAssociations/" + k++;
            String type = text(a, "associationType");
            if (!type.equals("isChildOf")) {
                continue;
            }
            int child = node(b, a.path("originNodeURI"));
            int parent = node(b, a.path("destinationNodeURI"));
            if (child < 0 || parent < 0) {
                continue; // the document itself, or an item of another package
            }
            if (child == parent) {
                throw bad(source, ptr, "an item cannot be its own parent");
            }
            b.broader(child, parent);
        }
        return b.build();
    }

    /**
     * The CFAssociations other than {@code isChildOf} that have a SKOS reading, as
     * {origin uri, SKOS predicate name, destination uri, origin title, destination title, identifier}.
     * exactMatchOf → EXACT, isPartOf → BROAD, isRelatedTo / isPeerOf → RELATED; others are skipped.
     */
    public static java.util.List<String[]> associations(byte[] json, String source) throws BadgeException {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (BadgeException e) {
            throw new BadgeException(BadgeException.Code.MALFORMED_DATA, source + ": " + e.getMessage(), e);
        }
        java.util.List<String[]> out = new java.util.ArrayList<>();
        int k = 0;
        for (JsonNode a : root.path("CFAssociations")) {
            String ptr = "/CFAssociations/" + k++;
            String p = switch (text(a, "associationType")) {
                case "exactMatchOf" -> "EXACT";
                case "isPartOf" -> "BROAD";
                case "isRelatedTo", "isPeerOf" -> "RELATED";
                default -> null;
            };
            if (p == null) {
                continue;
            }
            String o = nodeUri(a.path("originNodeURI"));
            String d = nodeUri(a.path("destinationNodeURI"));
            if (o.isEmpty() || d.isEmpty()) {
                throw bad(source, ptr, "an association needs originNodeURI and destinationNodeURI with a uri or identifier");
            }
            out.add(new String[] {o, p, d, text(a.path("originNodeURI"), "title"),
                text(a.path("destinationNodeURI"), "title"), text(a, "identifier")});
        }
        return out;
    }

    private static String nodeUri(JsonNode link) {
        String u = text(link, "uri");
        return !u.isEmpty() ? u : text(link, "identifier").isEmpty() ? "" : "urn:uuid:" + text(link, "identifier");
    }

    private static int node(FrameworkData.Builder b, JsonNode link) {
        int i = b.find(text(link, "uri"));
        return i >= 0 ? i : b.find(text(link, "identifier"));
    }

    private static byte kind(String t) {
        String s = t.toLowerCase(Locale.ROOT);
        if (s.contains("occupation") || s.contains("job") || s.contains("métier")) {
            return FrameworkData.OCCUPATION;
        }
        if (s.contains("knowledge") || s.contains("savoir")) {
            return FrameworkData.KNOWLEDGE;
        }
        if (s.contains("bloc") || s.contains("block")) {
            return FrameworkData.CERTIFICATION_BLOC;
        }
        if (s.contains("group") || s.contains("domain") || s.contains("cluster") || s.contains("category")) {
            return FrameworkData.SKILL_GROUP;
        }
        if (s.contains("context")) {
            return FrameworkData.WORK_CONTEXT;
        }
        return FrameworkData.SKILL;
    }

    private static final String[] TYPES = {"Occupation", "Skill", "Knowledge", "Skill Group",
        "Work Context", "Certification Bloc", "Occupation Group"};

    /** Writes a CFPackage. Identifiers are name-based UUIDs of the concept URIs (stable). */
    public static String write(FrameworkData d, String lastChange) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode doc = root.putObject("CFDocument");
        String docId = uuid("framework:" + d.id + ":" + d.version);
        String docUri = "urn:uuid:" + docId;
        doc.put("identifier", docId);
        doc.put("uri", docUri);
        doc.put("creator", d.attribution);
        doc.put("title", d.name);
        doc.put("lastChangeDateTime", lastChange);
        doc.put("version", d.version);
        String lang = d.languages.isEmpty() ? "en" : d.languages.get(0);
        doc.put("language", lang);
        doc.put("licenseURI", d.licence);
        ArrayNode items = root.putArray("CFItems");
        ArrayNode assocs = root.putArray("CFAssociations");
        for (int i = 0; i < d.size(); i++) {
            ObjectNode it = items.addObject();
            it.put("identifier", uuid(d.uris[i]));
            it.put("uri", d.uris[i]);
            String label = d.pref(i, lang);
            it.put("fullStatement", label != null ? label : d.anyPref(i));
            if (d.codes[i] != null) {
                it.put("humanCodingScheme", d.codes[i]);
            }
            it.put("CFItemType", TYPES[d.kinds[i]]);
            it.put("language", lang);
            String[][] alt = d.alt.get(lang);
            if (alt != null && alt[i] != null) {
                ArrayNode al = it.putArray("alternativeLabel");
                for (String s : alt[i]) {
                    al.add(s);
                }
            }
            it.put("CFDocumentURI", docUri);
            it.put("lastChangeDateTime", lastChange);
            for (int k = d.broaderStart[i]; k < d.broaderStart[i + 1]; k++) {
                int p = d.broader[k];
                ObjectNode a = assocs.addObject();
                a.put("identifier", uuid("isChildOf:" + d.uris[i] + " " + d.uris[p]));
                a.put("uri", "urn:uuid:" + a.get("identifier").asText());
                a.put("associationType", "isChildOf");
                link(a.putObject("originNodeURI"), d, i);
                link(a.putObject("destinationNodeURI"), d, p);
                a.put("CFDocumentURI", docUri);
                a.put("lastChangeDateTime", lastChange);
            }
        }
        return Json.writePretty(root);
    }

    private static void link(ObjectNode o, FrameworkData d, int i) {
        o.put("title", d.anyPref(i));
        o.put("identifier", uuid(d.uris[i]));
        o.put("uri", d.uris[i]);
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText().strip() : "";
    }

    private static BadgeException bad(String source, String pointer, String what) {
        return new BadgeException(BadgeException.Code.MALFORMED_DATA, source + " at " + pointer + ": " + what);
    }
}
