package org.reconnaitre.badges.signing.adversarial;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.adversarial.Inputs.Input;
import org.reconnaitre.badges.signing.adversarial.Inputs.State;
import org.reconnaitre.badges.signing.adversarial.Tally.Rule;
import org.reconnaitre.badges.signing.adversarial.Tally.Verdict;
import org.reconnaitre.badges.signing.testkit.HostileFetcher;

/**
 * The families of issue #22 §6: nested documents in their role (status lists, endorsements in each
 * encoding, CLR at each depth, OB 2.0 issuer profiles and keys), identifier mutations and
 * string/IRI mutations. Every case here is a forgery or a changed signed statement: never valid.
 */
final class Families {
    private final Consumer<Variant> add;
    private final Tally tally;

    Families(Consumer<Variant> add, Tally tally) {
        this.add = add;
        this.tally = tally;
    }

    void all(List<Input> inputs, Map<String, Verdict> base) throws Exception {
        statusLists(inputs, base);
        endorsements();
        clr();
        Ob2Family.all(add, tally);
        new IdentifierFamily(add, tally).all();
        strings(inputs, base);
    }

    private void reject(String family, String kind, String input, Callable<String> text, Verifier v, Verdict base) {
        add.accept(new Variant(family, kind, input, text, v, Rule.REJECT, base));
    }

    // ---------------------------------------------------------------- status lists

    /**
     * A revoked credential, its list replaced by the network attacker's: unsigned, signed by another
     * key, tampered, expired, of another purpose or type, another list of the issuer replayed, absent.
     */
    private void statusLists(List<Input> inputs, Map<String, Verdict> base) throws Exception {
        for (Input in : inputs) {
            if (in.state() != State.REVOKED) {
                continue;
            }
            SigningKey key = Inputs.key(in.suite());
            SigningKey attacker = Inputs.attacker(in.suite());
            Suite listSuite = key.type() == org.reconnaitre.badges.signing.KeyType.ED25519 ? Suite.EDDSA_RDFC : Suite.ECDSA_RDFC;
            String url = Inputs.listUrl(key);
            String issuer = Inputs.did(key);
            Map<String, Callable<String>> lists = new java.util.LinkedHashMap<>();
            lists.put("unsigned", () -> Doc.write(Inputs.statusList(url, issuer, "revocation", null)));
            lists.put("signed-by-another-issuer", () -> listSuite.sign(Doc.write(
                    Inputs.statusList(url, Inputs.did(attacker), "revocation", null)), attacker));
            lists.put("claims-the-issuer-signed-by-another-key", () -> listSuite.sign(Doc.write(
                    Inputs.statusList(url, issuer, "revocation", null)), attacker));
            lists.put("genuine-with-bit-cleared", () -> {
                ObjectNode l = Doc.object(Inputs.genuineList(key));
                ((ObjectNode) l.get("credentialSubject")).put("encodedList", Inputs.gzipBase64(new byte[16_384]));
                return Doc.write(l);
            });
            lists.put("expired-by-the-issuer", () -> listSuite.sign(Doc.write(
                    Inputs.statusList(url, issuer, "revocation", "2025-01-01T00:00:00Z")), key));
            lists.put("suspension-list-by-the-issuer", () -> listSuite.sign(Doc.write(
                    Inputs.statusList(url, issuer, "suspension", null)), key));
            lists.put("not-a-status-list-type", () -> {
                ObjectNode l = Inputs.statusList(url, issuer, "revocation", null);
                l.putArray("type").add("VerifiableCredential");
                return listSuite.sign(Doc.write(l), key);
            });
            lists.put("another-list-of-the-issuer-replayed", () -> listSuite.sign(Doc.write(
                    Inputs.statusList("https://status.example/lists/other", issuer, "revocation", null)), key));
            lists.put("http-404", () -> null);
            lists.put("not-json", () -> "<html>not a list</html>");
            for (var l : lists.entrySet()) {
                reject("nesting:status-list", l.getKey(), in.name(), () -> in.text(), verifierServingList(url, l.getValue(), in),
                        base.get(in.name()));
            }
        }
    }

    /** A verifier whose network serves this list (signed when first fetched; null: a 404) at {@code url}. */
    private static Verifier verifierServingList(String url, Callable<String> list, Input in) throws Exception {
        java.util.concurrent.atomic.AtomicReference<String[]> made = new java.util.concurrent.atomic.AtomicReference<>();
        HostileFetcher f = HostileFetcher.builder().fallback(u -> {
            if (!u.toString().split("#")[0].equals(url)) {
                return null;
            }
            return made.updateAndGet(m -> {
                if (m != null) {
                    return m;
                }
                try {
                    return new String[] {list.call()};
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })[0];
        }).build();
        return Inputs.verifier(f, true, b -> {}, in.state() == State.WRONG_RECIPIENT ? Inputs.MALLORY : Inputs.ALICE);
    }

    // ---------------------------------------------------------------- endorsements

    private static final String ENDORSEMENT_ID = "urn:uuid:2f1c7a3e-5b7d-4c1e-9a0b-0000000000e1";

    static ObjectNode endorsement(String subjectId, String until) {
        ObjectNode e = Doc.JSON.createObjectNode();
        e.putArray("@context").add(Inputs.V2).add(Inputs.OB3);
        e.put("id", ENDORSEMENT_ID);
        e.putArray("type").add("VerifiableCredential").add("EndorsementCredential");
        ObjectNode i = e.putObject("issuer");
        i.put("id", Inputs.did(Inputs.ENDORSER));
        i.putArray("type").add("Profile");
        i.put("name", "Accrediting Body");
        e.put("validFrom", "2024-01-01T00:00:00Z");
        if (until != null) {
            e.put("validUntil", until);
        }
        e.put("name", "Endorsement");
        ObjectNode s = e.putObject("credentialSubject");
        s.put("id", subjectId);
        s.putArray("type").add("EndorsementSubject");
        s.put("endorsementComment", "A fine badge.");
        return e;
    }

    /** The ways an endorsement can fail to endorse: each takes the id of what it is attached to. */
    private static Map<String, Function<String, Callable<ObjectNode>>> badEndorsements() {
        Map<String, Function<String, Callable<ObjectNode>>> m = new java.util.LinkedHashMap<>();
        m.put("tampered", t -> () -> {
            ObjectNode e = Doc.object(Suite.EDDSA_RDFC.sign(Doc.write(endorsement(t, null)), Inputs.ENDORSER));
            ((ObjectNode) e.get("credentialSubject")).put("endorsementComment", "A forged comment.");
            return e;
        });
        m.put("expired", t -> () -> signed(endorsement(t, "2025-01-01T00:00:00Z"), Inputs.ENDORSER));
        m.put("endorses-something-else", t -> () -> signed(endorsement("urn:uuid:00000000-0000-4000-8000-00000000dead", null),
                Inputs.ENDORSER));
        m.put("not-an-EndorsementCredential", t -> () -> {
            ObjectNode e = endorsement(t, null);
            e.putArray("type").add("VerifiableCredential");
            return signed(e, Inputs.ENDORSER);
        });
        m.put("endorser-named-attacker-key", t -> () -> signed(endorsement(t, null), Inputs.ATTACKER_ED));
        m.put("unsigned", t -> () -> endorsement(t, null));
        return m;
    }

    private static ObjectNode signed(ObjectNode e, SigningKey key) throws Exception {
        return Doc.object(Suite.EDDSA_RDFC.sign(Doc.write(e), key));
    }

    /** The endorsement as a VC-JWT: signed by the key that signed the JSON (from its proof), or alg none when unsigned. */
    private static String asJwt(ObjectNode e, String kind) throws Exception {
        ObjectNode unsigned = e.deepCopy();
        unsigned.remove("proof");
        SigningKey key = kind.equals("endorser-named-attacker-key") ? Inputs.ATTACKER_ED : Inputs.ENDORSER;
        if (kind.equals("unsigned")) {
            return Doc.b64("{\"alg\":\"none\"}") + "." + Doc.b64(Doc.write(unsigned)) + ".";
        }
        if (kind.equals("tampered")) {
            ObjectNode genuine = unsigned.deepCopy();
            ((ObjectNode) genuine.get("credentialSubject")).put("endorsementComment", "A fine badge.");
            Doc d = Doc.parse(org.reconnaitre.badges.signing.Issuer.with(key).build().signJwt(Doc.write(genuine)));
            ((ObjectNode) d.credential().get("credentialSubject")).put("endorsementComment", "A forged comment.");
            return d.text();
        }
        return org.reconnaitre.badges.signing.Issuer.with(key).build().signJwt(Doc.write(unsigned));
    }

    /**
     * A valid credential whose issuer embeds an endorsement that does not endorse it (tampered,
     * expired, of something else, of another type, by the wrong key, unsigned), on the credential or
     * on its achievement, as JSON or as {@code endorsementJwt}; signed by the issuer with two suites.
     * The endorsement must not be counted: the credential is invalid, or the endorsement's own report is.
     */
    private void endorsements() throws Exception {
        Verifier v = Inputs.verifierFor(State.VALID, true);
        for (Suite outer : List.of(Suite.EDDSA_RDFC, Suite.JWT_EDDSA)) {
            for (String where : List.of("credential", "achievement")) {
                for (String encoding : List.of("endorsement", "endorsementJwt")) {
                    for (var bad : badEndorsements().entrySet()) {
                        String kind = bad.getKey() + " as " + encoding + " on the " + where;
                        add.accept(new Variant("nesting:endorsement", kind, outer.label + "/valid", () -> {
                            ObjectNode c = Inputs.credential(State.VALID, Inputs.key(outer));
                            ObjectNode holder = where.equals("credential") ? c
                                    : (ObjectNode) c.get("credentialSubject").get("achievement");
                            ObjectNode e = bad.getValue().apply(holder.get("id").asText()).call();
                            if (encoding.equals("endorsement")) {
                                holder.putArray("endorsement").add(e);
                            } else {
                                Rewrites.addContext(c, "endorsementJwt", Doc.JSON.createObjectNode()
                                        .put("@id", Rewrites.OBV + "endorsementJwt"));
                                holder.putArray("endorsementJwt").add(asJwt(e, bad.getKey()));
                            }
                            return outer.sign(Doc.write(c), Inputs.key(outer));
                        }, v, Rule.REJECT, new Verdict(true, java.util.Set.of(), "valid"), Verdict::countingEndorsements));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- CLR

    static ObjectNode clr(String issuer, Object inner) {
        ObjectNode c = Doc.JSON.createObjectNode();
        c.putArray("@context").add(Inputs.V2).add(Inputs.CLR).add(Inputs.OB3);
        c.put("id", "urn:uuid:2f1c7a3e-5b7d-4c1e-9a0b-00000000c1e0");
        c.putArray("type").add("VerifiableCredential").add("ClrCredential");
        ObjectNode i = c.putObject("issuer");
        i.put("id", issuer);
        i.putArray("type").add("Profile");
        i.put("name", "Example University");
        c.put("validFrom", "2024-01-01T00:00:00Z");
        c.put("name", "Transcript");
        ObjectNode s = c.putObject("credentialSubject");
        s.put("id", "mailto:" + Inputs.ALICE);
        s.putArray("type").add("ClrSubject");
        ArrayNode vcs = s.putArray("verifiableCredential");
        if (inner instanceof String jwt) {
            vcs.add(jwt);
        } else {
            vcs.add((ObjectNode) inner);
        }
        ObjectNode a = s.putArray("achievement").addObject();
        a.put("id", "https://example.com/achievements/teamwork");
        a.putArray("type").add("Achievement");
        a.putObject("criteria").put("narrative", "Works well in a team.");
        a.put("description", "Teamwork.");
        a.put("name", "Teamwork");
        return c;
    }

    /**
     * A CLR about alice, signed by its issuer, containing (at depth 1, 2 or 3: CLRs in CLRs) a
     * credential that is expired, revoked, not yet valid, tampered, signed by another key, or about
     * mallory; and a valid credential deeper than the verifier's limit. The CLR must be invalid.
     */
    private void clr() throws Exception {
        Verifier v = Inputs.verifierFor(State.VALID, true);
        Map<String, Callable<String>> inners = new java.util.LinkedHashMap<>();
        for (Suite s : List.of(Suite.EDDSA_RDFC, Suite.JWT_EDDSA)) {
            for (State st : List.of(State.EXPIRED, State.REVOKED, State.NOT_YET_VALID)) {
                inners.put(st.name().toLowerCase(java.util.Locale.ROOT) + " " + s.label,
                        () -> s.sign(Doc.write(Inputs.credential(st, Inputs.ED)), Inputs.ED));
            }
            inners.put("tampered " + s.label, () -> {
                Doc d = Doc.parse(s.sign(Doc.write(Inputs.credential(State.VALID, Inputs.ED)), Inputs.ED));
                d.credential().put("validUntil", "2099-01-01T00:00:00Z");
                return d.text();
            });
            inners.put("attacker-key " + s.label, () -> s.sign(Doc.write(Inputs.credential(State.VALID, Inputs.ED)),
                    Inputs.ATTACKER_ED));
            inners.put("about-mallory " + s.label, () -> {
                ObjectNode c = Inputs.credential(State.VALID, Inputs.ED);
                ObjectNode ident = (ObjectNode) c.get("credentialSubject").get("identifier").get(0);
                ident.put("identityHash", org.reconnaitre.badges.model.IdentityHash.createEmail(Inputs.MALLORY, Inputs.SALT)
                        .toString());
                ((ObjectNode) c.get("credentialSubject")).put("id", "did:example:mallory");
                return s.sign(Doc.write(c), Inputs.ED);
            });
        }
        Verdict valid = new Verdict(true, java.util.Set.of(), "valid");
        for (int depth = 1; depth <= 3; depth++) {
            int d = depth;
            for (var inner : inners.entrySet()) {
                add.accept(new Variant("nesting:clr", "depth " + d + ": " + inner.getKey().split(" ")[0], "clr/" + inner.getKey(),
                        () -> wrap(inner.getValue().call(), d), v, Rule.REJECT, valid));
            }
        }
        // a valid credential deeper than the limit (default 2): not verified, so the CLR must fail closed
        add.accept(new Variant("nesting:clr", "valid credential beyond the depth limit", "clr/depth 3",
                () -> wrap(Suite.EDDSA_RDFC.sign(Doc.write(Inputs.credential(State.VALID, Inputs.ED)), Inputs.ED), 3), v,
                Rule.REJECT, valid));
        // sanity: a valid credential one level down is accepted
        String good = wrap(Suite.EDDSA_RDFC.sign(Doc.write(Inputs.credential(State.VALID, Inputs.ED)), Inputs.ED), 1);
        Verdict g = Verdict.of(v.verify(good));
        if (g.valid()) {
            tally.passed("inputs");
        } else {
            tally.violation("inputs", "clr/valid depth 1", "as signed", "expected valid, got " + g + ": " + g.summary());
        }
    }

    /** The credential inside {@code depth} CLRs, each signed by the issuer with eddsa-rdfc-2022. */
    private static String wrap(String credential, int depth) throws Exception {
        String current = credential;
        for (int i = 0; i < depth; i++) {
            Object inner = current.strip().startsWith("{") ? Doc.object(current) : current;
            current = Suite.EDDSA_RDFC.sign(Doc.write(clr(Inputs.did(Inputs.ED), inner)), Inputs.ED);
        }
        return current;
    }

    // ---------------------------------------------------------------- strings and IRIs

    /** Replaced, in the JSON text, by the escape {@code \ud800} (an unpaired surrogate). */
    static final String SURROGATE_MARK = "\uE000\uE001";

    /** Characters the N-Quads grammar forbids in an IRI, escapes, and an unpaired surrogate. */
    static final Map<String, String> IRI_BREAKERS = new java.util.LinkedHashMap<>();

    static {
        IRI_BREAKERS.put("space", " ");
        IRI_BREAKERS.put("gt", ">");
        IRI_BREAKERS.put("lt", "<");
        IRI_BREAKERS.put("quote", "\"");
        IRI_BREAKERS.put("newline", "\n");
        IRI_BREAKERS.put("backslash", "\\");
        IRI_BREAKERS.put("brace", "{");
        IRI_BREAKERS.put("pipe", "|");
        IRI_BREAKERS.put("caret", "^");
        IRI_BREAKERS.put("backtick", "`");
        IRI_BREAKERS.put("nul", "\u0000");
        IRI_BREAKERS.put("uchar-escape-text", "\\u003E");
        IRI_BREAKERS.put("nquads-injection", "> <https://www.w3.org/2018/credentials#validUntil> "
                + "\"2099-01-01T00:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n<urn:x");
        IRI_BREAKERS.put("unpaired-surrogate", SURROGATE_MARK);
    }

    private static final List<String> IRI_TARGETS = List.of("id", "credentialSubject/id", "issuer/id",
            "credentialSubject/achievement/id", "credentialStatus/id");

    private static ObjectNode target(ObjectNode c, String path) {
        String[] parts = path.split("/");
        ObjectNode o = c;
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(o.get(parts[i]) instanceof ObjectNode next)) {
                return null;
            }
            o = next;
        }
        return o.has(parts[parts.length - 1]) && o.get(parts[parts.length - 1]).isTextual() ? o : null;
    }

    /**
     * Identifiers of a valid credential with a character the N-Quads grammar forbids (or an escape,
     * an injected statement, an unpaired surrogate) appended: a changed signed statement, never
     * valid. For the RDFC suites, the canonical text of the changed document must also differ from
     * the original's (or be refused): one canonical text per graph.
     */
    private void strings(List<Input> inputs, Map<String, Verdict> base) throws Exception {
        for (Input in : inputs) {
            if (in.state() != State.VALID) {
                continue;
            }
            for (String path : IRI_TARGETS) {
                for (var b : IRI_BREAKERS.entrySet()) {
                    reject("string-iri", b.getKey() + " in " + path, in.name(), () -> {
                        Doc d = Doc.parse(in.text()).copy();
                        ObjectNode o = target(d.credential(), path);
                        if (o == null) {
                            return null;
                        }
                        String field = path.substring(path.lastIndexOf('/') + 1);
                        o.put(field, o.get(field).asText() + b.getValue());
                        return surrogates(d);
                    }, in.verifier(), base.get(in.name()));
                }
            }
        }
        canonicalInjectivity(inputs);
    }

    /** The document's text with every {@link #SURROGATE_MARK} written as the JSON escape of an unpaired surrogate. */
    static String surrogates(Doc d) {
        String text = d.text();
        if (!d.isJwt()) {
            return text.replace(SURROGATE_MARK, "\\ud800");
        }
        String[] parts = text.split("\\.", -1);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        if (!payload.contains(SURROGATE_MARK)) {
            return text;
        }
        return parts[0] + "." + Doc.b64(payload.replace(SURROGATE_MARK, "\\ud800")) + "." + parts[2];
    }

    private void canonicalInjectivity(List<Input> inputs) throws Exception {
        for (Input in : inputs) {
            if (in.state() != State.VALID || (in.suite() != Suite.EDDSA_RDFC && in.suite() != Suite.ECDSA_RDFC)) {
                continue;
            }
            ObjectNode unsigned = Doc.object(in.text());
            unsigned.remove("proof");
            String original = DataIntegrity.canonicalNQuads(Doc.write(unsigned), DataIntegrity.Settings.defaults());
            for (String path : IRI_TARGETS) {
                for (var b : IRI_BREAKERS.entrySet()) {
                    ObjectNode m = unsigned.deepCopy();
                    ObjectNode o = target(m, path);
                    if (o == null) {
                        continue;
                    }
                    String field = path.substring(path.lastIndexOf('/') + 1);
                    o.put(field, o.get(field).asText() + b.getValue());
                    String text = Doc.write(m).replace(SURROGATE_MARK, "\\ud800");
                    String canonical;
                    try {
                        canonical = DataIntegrity.canonicalNQuads(text, DataIntegrity.Settings.defaults());
                    } catch (Exception refused) {
                        tally.passed("string-iri:canonical-text");
                        continue;
                    }
                    if (canonical.split("\n").length > original.split("\n").length) {
                        tally.violation("string-iri:canonical-text", in.name(), b.getKey() + " in " + path,
                                "a changed identifier adds statements to the canonical N-Quads: "
                                        + Tally.abbreviate(canonical.lines().filter(l -> !original.lines().toList().contains(l)).findFirst()
                                                .orElse("")));
                    } else if (canonical.equals(original)) {
                        tally.violation("string-iri:canonical-text", in.name(), b.getKey() + " in " + path,
                                "a changed identifier gives the same canonical N-Quads as the original");
                    } else if (!wellFormedIris(canonical)) {
                        tally.violation("string-iri:canonical-text", in.name(), b.getKey() + " in " + path,
                                "the canonical N-Quads carry an IRI the N-Quads grammar forbids: "
                                        + Tally.abbreviate(firstBadLine(canonical)));
                    } else {
                        tally.passed("string-iri:canonical-text");
                    }
                }
            }
        }
    }

    /** Every {@code <...>} term of every line is an IRIREF of the N-Quads grammar (no space, <, ", {, }, |, ^, `, \, controls). */
    static boolean wellFormedIris(String nquads) {
        return firstBadLine(nquads) == null;
    }

    static String firstBadLine(String nquads) {
        for (String line : nquads.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (!line.endsWith(" .")) {
                return line;
            }
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '"') { // skip a literal
                    i++;
                    while (i < line.length() && line.charAt(i) != '"') {
                        i += line.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                } else if (c == '<') {
                    int end = line.indexOf('>', i);
                    if (end < 0) {
                        return line;
                    }
                    for (int k = i + 1; k < end; k++) {
                        char x = line.charAt(k);
                        if (x <= 0x20 || "<\"{}|^`\\".indexOf(x) >= 0) {
                            return line;
                        }
                    }
                    i = end + 1;
                } else {
                    i++;
                }
            }
        }
        return null;
    }
}
