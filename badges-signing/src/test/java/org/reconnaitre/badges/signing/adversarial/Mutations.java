package org.reconnaitre.badges.signing.adversarial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.reconnaitre.badges.model.IdentityHash;

/**
 * Meaning-changing mutations, made by a holder after signing (so without the issuer's key): dates,
 * status, recipient, issuer, key, proof options, types, the proof itself. Each answers false when it
 * does not apply to the document. None of them may be accepted.
 */
final class Mutations {
    private Mutations() {}

    static final Map<String, Predicate<Doc>> TAMPER = new LinkedHashMap<>();

    static {
        // dates
        TAMPER.put("dates:validUntil-later", d -> set(d.credential(), "validUntil", "2099-01-01T00:00:00Z"));
        TAMPER.put("dates:validUntil-removed", d -> remove(d.credential(), "validUntil"));
        TAMPER.put("dates:validFrom-earlier", d -> set(d.credential(), "validFrom", "2020-01-01T00:00:00Z"));
        TAMPER.put("dates:expirationDate-later", d -> set(d.credential(), "expirationDate", "2099-01-01T00:00:00Z"));
        TAMPER.put("dates:expirationDate-removed", d -> remove(d.credential(), "expirationDate"));
        TAMPER.put("dates:issuanceDate-earlier", d -> set(d.credential(), "issuanceDate", "2020-01-01T00:00:00Z"));
        TAMPER.put("dates:jwt-exp-later", d -> d.isJwt() && d.body().has("exp") && put(d.body(), "exp", 4_070_908_800L));
        TAMPER.put("dates:jwt-nbf-removed", d -> d.isJwt() && remove(d.body(), "nbf"));
        // status
        TAMPER.put("status:index", d -> status(d, s -> s.put("statusListIndex", "6")));
        TAMPER.put("status:list-url", d -> status(d, s -> s.put("statusListCredential", "https://status.example/lists/other")));
        TAMPER.put("status:purpose", d -> status(d, s -> s.put("statusPurpose", "suspension")));
        TAMPER.put("status:type", d -> status(d, s -> s.put("type", "UnknownStatusEntry")));
        TAMPER.put("status:removed", d -> remove(d.credential(), "credentialStatus"));
        // recipient
        TAMPER.put("recipient:identityHash", d -> identifier(d, i -> i.put("identityHash",
                IdentityHash.createEmail(Inputs.MALLORY, Inputs.SALT).toString())));
        TAMPER.put("recipient:salt", d -> identifier(d, i -> i.put("salt", "other")));
        TAMPER.put("recipient:subject-id", d -> subject(d) != null && set(subject(d), "id", "did:example:mallory"));
        TAMPER.put("recipient:jwt-sub", d -> d.isJwt() && d.body().has("sub") && set(d.body(), "sub", "did:example:mallory"));
        // issuer
        TAMPER.put("issuer:id", d -> issuer(d, i -> i.put("id", Inputs.did(Inputs.ATTACKER_ED))));
        TAMPER.put("issuer:name", d -> issuer(d, i -> i.put("name", "Another University")));
        TAMPER.put("issuer:jwt-iss", d -> d.isJwt() && set(d.body(), "iss", Inputs.did(Inputs.ATTACKER_ED)));
        // key
        TAMPER.put("key:verificationMethod", d -> proof(d, p -> p.put("verificationMethod",
                org.reconnaitre.badges.signing.DidKey.verificationMethodId(Inputs.ATTACKER_ED.publicKey()))));
        TAMPER.put("key:jwt-kid", d -> d.isJwt() && header(d, h -> h.put("kid",
                org.reconnaitre.badges.signing.DidKey.verificationMethodId(Inputs.ATTACKER_ED.publicKey()))));
        // proof options
        TAMPER.put("proof-options:proofPurpose", d -> proof(d, p -> p.put("proofPurpose", "authentication")));
        TAMPER.put("proof-options:created", d -> proof(d, p -> p.put("created", "2099-01-01T00:00:00Z")));
        TAMPER.put("proof-options:expires", d -> proof(d, p -> p.put("expires", "2001-01-01T00:00:00Z")));
        TAMPER.put("proof-options:challenge", d -> proof(d, p -> p.put("challenge", "abc123")));
        TAMPER.put("proof-options:domain", d -> proof(d, p -> p.put("domain", "attacker.example")));
        TAMPER.put("proof-options:cryptosuite", d -> proof(d, p -> p.put("cryptosuite",
                p.path("cryptosuite").asText().equals("eddsa-rdfc-2022") ? "eddsa-jcs-2022" : "eddsa-rdfc-2022")));
        TAMPER.put("proof-options:jwt-alg-none", d -> d.isJwt() && header(d, h -> h.put("alg", "none")));
        // types
        TAMPER.put("types:OpenBadgeCredential-removed", d -> types(d.credential(), t -> removeText(t, "OpenBadgeCredential")));
        TAMPER.put("types:type-added", d -> types(d.credential(), t -> addNew(t, "ClrCredential") || addNew(t, "EndorsementCredential")));
        TAMPER.put("types:EndorsementCredential", d -> types(d.credential(), t -> removeText(t, "OpenBadgeCredential")
                && t.add("EndorsementCredential") != null));
        TAMPER.put("types:achievement-type", d -> subject(d) != null && subject(d).get("achievement") instanceof ObjectNode a
                && a.putArray("type").add("Achievement").add("Extra") != null);
        // the proof itself
        TAMPER.put("proof:removed", d -> !d.isJwt() && remove(d.body(), "proof"));
        TAMPER.put("proof:duplicated", d -> !d.isJwt() && d.body().get("proof") instanceof ObjectNode p
                && d.body().putArray("proof").add(p).add(p.deepCopy()) != null);
        TAMPER.put("proof:jwt-signature-removed", d -> d.isJwt() && replaceJws(d, null, ""));
    }

    // ---------------------------------------------------------------- helpers

    private static boolean set(ObjectNode o, String field, String value) {
        if (o == null || !o.has(field)) {
            return false;
        }
        o.put(field, value);
        return true;
    }

    private static boolean put(ObjectNode o, String field, long value) {
        o.put(field, value);
        return true;
    }

    private static boolean remove(ObjectNode o, String field) {
        return o != null && o.remove(field) != null;
    }

    static ObjectNode subject(Doc d) {
        JsonNode s = d.credential().get("credentialSubject");
        if (s instanceof ArrayNode a && a.size() > 0) {
            s = a.get(0);
        }
        return s instanceof ObjectNode o ? o : null;
    }

    private static boolean status(Doc d, java.util.function.Consumer<ObjectNode> f) {
        JsonNode s = d.credential().get("credentialStatus");
        if (s instanceof ArrayNode a && a.size() > 0) {
            s = a.get(0);
        }
        if (!(s instanceof ObjectNode o)) {
            return false;
        }
        f.accept(o);
        return true;
    }

    private static boolean identifier(Doc d, java.util.function.Consumer<ObjectNode> f) {
        ObjectNode s = subject(d);
        if (s == null || !(s.get("identifier") instanceof ArrayNode a) || !(a.get(0) instanceof ObjectNode i)) {
            return false;
        }
        f.accept(i);
        return true;
    }

    private static boolean issuer(Doc d, java.util.function.Consumer<ObjectNode> f) {
        JsonNode i = d.credential().get("issuer");
        if (i != null && i.isTextual()) {
            ObjectNode o = Doc.JSON.createObjectNode().put("id", i.asText());
            f.accept(o);
            d.credential().set("issuer", o.has("name") && o.size() == 2 ? o : o.get("id"));
            return true;
        }
        if (!(i instanceof ObjectNode o)) {
            return false;
        }
        f.accept(o);
        return true;
    }

    private static boolean proof(Doc d, java.util.function.Consumer<ObjectNode> f) {
        if (d.isJwt() || !(d.body().get("proof") instanceof ObjectNode p)) {
            return false;
        }
        f.accept(p);
        return true;
    }

    private static boolean header(Doc d, java.util.function.Consumer<ObjectNode> f) {
        ObjectNode h = Doc.object(d.headerJson());
        f.accept(h);
        return replaceJws(d, Doc.write(h), null);
    }

    /** Mutates the JWS header (JSON) and/or signature segment of {@code d} in place via its holder. */
    private static boolean replaceJws(Doc d, String headerJson, String signature) {
        String[] parts = d.text().split("\\.", -1);
        String h = headerJson == null ? new String(java.util.Base64.getUrlDecoder().decode(parts[0]),
                java.nio.charset.StandardCharsets.UTF_8) : headerJson;
        d.replaceJws(h, signature == null ? parts[2] : signature);
        return true;
    }

    private static boolean types(ObjectNode c, Predicate<ArrayNode> f) {
        JsonNode t = c.get("type");
        ArrayNode a;
        if (t instanceof ArrayNode arr) {
            a = arr;
        } else if (t != null && t.isTextual()) {
            a = Doc.JSON.createArrayNode().add(t.asText());
            c.set("type", a);
        } else {
            return false;
        }
        return f.test(a);
    }

    /** Adds a type the array does not have yet (adding one it has would not change the meaning). */
    private static boolean addNew(ArrayNode a, String value) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).asText().equals(value)) {
                return false;
            }
        }
        a.add(value);
        return true;
    }

    private static boolean removeText(ArrayNode a, String value) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).asText().equals(value)) {
                a.remove(i);
                return true;
            }
        }
        return false;
    }
}
