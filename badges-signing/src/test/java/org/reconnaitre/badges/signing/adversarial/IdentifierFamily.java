package org.reconnaitre.badges.signing.adversarial;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.adversarial.Inputs.State;
import org.reconnaitre.badges.signing.adversarial.Tally.Rule;
import org.reconnaitre.badges.signing.adversarial.Tally.Verdict;
import org.reconnaitre.badges.signing.testkit.HostileFetcher;

/**
 * Identifiers parsed, not string-matched (issue #22 §3). A victim issuer has an https controller
 * document and a did:web document; everything else on the network is the attacker's (served by a
 * {@link HostileFetcher} that answers any other URL with a document listing the attacker's key, whose
 * method claims the victim as controller). Two kinds of case, neither may be valid:
 * <ul>
 *   <li>the attacker signs a credential naming the victim as issuer, with a verification method that
 *       only looks like the victim's (host suffix, userinfo, other port or path, a key in the fragment,
 *       case, trailing dot, default port, percent-encoding);
 *   <li>the victim's valid credential with its issuer id or verification method spelled another way.
 * </ul>
 */
final class IdentifierFamily {
    static final String HTTPS_ISSUER = "https://victim.example/issuers/1";
    static final String DID_WEB = "did:web:victim.example";
    static final SigningKey VICTIM = Inputs.ed25519(7);

    private final Consumer<Variant> add;
    private final Tally tally;

    IdentifierFamily(Consumer<Variant> add, Tally tally) {
        this.add = add;
        this.tally = tally;
    }

    static String multibase(SigningKey k) {
        return Inputs.did(k).substring("did:key:".length());
    }

    static String controllerDocument(String id, String controller, SigningKey key) {
        String vm = id + "#key-1";
        return "{\"@context\":[\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/multikey/v1\"],\"id\":\"" + id
                + "\",\"verificationMethod\":[{\"id\":\"" + vm + "\",\"type\":\"Multikey\",\"controller\":\"" + controller
                + "\",\"publicKeyMultibase\":\"" + multibase(key) + "\"}],\"assertionMethod\":[\"" + vm + "\"]}";
    }

    /** The victim's documents at their URLs (and at the spellings that name the same resource); the attacker's everywhere else. */
    static HostileFetcher network() {
        return HostileFetcher.builder()
                .json(HTTPS_ISSUER, controllerDocument(HTTPS_ISSUER, HTTPS_ISSUER, VICTIM))
                .json("https://victim.example/.well-known/did.json", controllerDocument(DID_WEB, DID_WEB, VICTIM))
                .json(Inputs.listUrl(Inputs.ED), "{}")
                .fallback(IdentifierFamily::serve)
                .build();
    }

    private static String serve(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        boolean defaultPort = url.getPort() == -1 || url.getPort() == 443;
        String path = URLDecoder.decode(url.getRawPath() == null ? "" : url.getRawPath(), StandardCharsets.UTF_8);
        if (host.equals("victim.example") && defaultPort && url.getRawUserInfo() == null) {
            if (path.equals("/issuers/1")) {
                return controllerDocument(HTTPS_ISSUER, HTTPS_ISSUER, VICTIM);
            }
            if (path.equals("/.well-known/did.json")) {
                return controllerDocument(DID_WEB, DID_WEB, VICTIM);
            }
        }
        // the attacker's document: its id is what was asked for, its method claims the victim
        String s = url.toString();
        String id = s;
        if (s.endsWith("/.well-known/did.json") || s.endsWith("/did.json")) {
            String rest = s.substring("https://".length()).replace("/.well-known/did.json", "").replace("/did.json", "");
            id = "did:web:" + rest.replace(":", "%3A").replace("/", ":");
        }
        return controllerDocument(id, s.contains("did.json") ? DID_WEB : HTTPS_ISSUER, Inputs.ATTACKER_ED);
    }

    static Verifier verifier() throws Exception {
        return Inputs.verifier(network(), true, b -> {}, null);
    }

    /** A valid credential of {@code issuer} (no status entry), signed with this key and method. */
    static String sign(Suite suite, String issuer, SigningKey key, String vm) throws Exception {
        ObjectNode c = Inputs.credential(issuer, false, "2024-01-01T00:00:00Z", "2030-01-01T00:00:00Z", null, 0);
        if (suite.jwt()) {
            return Issuer.with(key).verificationMethod(vm).build().signJwt(Doc.write(c));
        }
        return DataIntegrity.sign(Doc.write(c), key, ProofOptions.builder(suite.cryptosuite).created(Suite.CREATED)
                .verificationMethod(vm).build());
    }

    void all() throws Exception {
        Verifier v = verifier();
        Map<String, String> look = new LinkedHashMap<>();
        // https issuer: methods that look like the victim's
        look.put("https: key in the fragment", HTTPS_ISSUER + "#" + multibase(Inputs.ATTACKER_ED));
        look.put("https: host suffix", "https://victim.example.attacker.example/issuers/1#key-1");
        look.put("https: userinfo", "https://victim.example:443@attacker.example/issuers/1#key-1");
        look.put("https: other host", "https://attacker.example/issuers/1#key-1");
        look.put("https: other port", "https://victim.example:8443/issuers/1#key-1");
        look.put("https: path below", HTTPS_ISSUER + "/mallory#key-1");
        look.put("https: upper-case host", "https://VICTIM.EXAMPLE/issuers/1#key-1");
        look.put("https: trailing dot", "https://victim.example./issuers/1#key-1");
        look.put("https: default port", "https://victim.example:443/issuers/1#key-1");
        look.put("https: percent-encoded path", "https://victim.example/issuers/%31#key-1");
        look.put("https: fragment case", HTTPS_ISSUER + "#KEY-1");
        // did:web issuer
        look.put("did:web: key in the fragment", DID_WEB + "#" + multibase(Inputs.ATTACKER_ED));
        look.put("did:web: host suffix", "did:web:victim.example.attacker.example#key-1");
        look.put("did:web: path below", "did:web:victim.example:users:mallory#key-1");
        look.put("did:web: other port", "did:web:victim.example%3A8443#key-1");
        look.put("did:web: other host", "did:web:attacker.example#key-1");
        look.put("did:web: upper-case host", "did:web:VICTIM.example#key-1");
        look.put("did:web: trailing dot", "did:web:victim.example.#key-1");
        look.put("did:web: method case", "did:WEB:victim.example#key-1");
        look.put("did:web: attacker did:key", org.reconnaitre.badges.signing.DidKey.verificationMethodId(
                Inputs.ATTACKER_ED.publicKey()));
        Verdict valid = new Verdict(true, java.util.Set.of(), "valid");
        for (Suite suite : List.of(Suite.EDDSA_RDFC, Suite.JWT_EDDSA)) {
            for (var l : look.entrySet()) {
                String issuer = l.getKey().startsWith("https") ? HTTPS_ISSUER : DID_WEB;
                add.accept(new Variant("identifier:attacker-method", l.getKey(), suite.label + "/" + issuer,
                        () -> sign(suite, issuer, Inputs.ATTACKER_ED, l.getValue()), v, Rule.REJECT, valid));
            }
        }
        // a key in the fragment of the https issuer while the issuer's document cannot be fetched
        Verifier unreachable = Inputs.verifier(HostileFetcher.builder().status(HTTPS_ISSUER, 404).build(), true, b -> {}, null);
        for (Suite suite : List.of(Suite.EDDSA_RDFC, Suite.JWT_EDDSA)) {
            add.accept(new Variant("identifier:attacker-method", "https: key in the fragment, issuer document 404",
                    suite.label + "/" + HTTPS_ISSUER, () -> sign(suite, HTTPS_ISSUER, Inputs.ATTACKER_ED,
                            HTTPS_ISSUER + "#" + multibase(Inputs.ATTACKER_ED)), unreachable, Rule.REJECT, valid));
        }
        // the victim's own credentials, identifiers respelled after signing
        Map<String, UnaryOperator<String>> respell = new LinkedHashMap<>();
        respell.put("upper-case host", s -> s.replace("victim.example", "VICTIM.EXAMPLE"));
        respell.put("upper-case scheme", s -> s.replaceFirst("^https:", "HTTPS:").replaceFirst("^did:", "DID:"));
        respell.put("trailing dot", s -> s.replace("victim.example", "victim.example."));
        respell.put("default port", s -> s.replace("https://victim.example", "https://victim.example:443")
                .replace("did:web:victim.example", "did:web:victim.example%3A443"));
        respell.put("percent-encoded", s -> s.replace("issuers/1", "issuers/%31").replace("victim.example", "victim%2Eexample"));
        respell.put("added fragment", s -> s.contains("#") ? s + "x" : s + "#x");
        for (Suite suite : List.of(Suite.EDDSA_RDFC, Suite.JWT_EDDSA)) {
            for (String issuer : List.of(HTTPS_ISSUER, DID_WEB)) {
                String vm = issuer + "#key-1";
                String genuine = sign(suite, issuer, VICTIM, vm);
                Verdict g = Verdict.of(v.verify(genuine));
                String name = suite.label + "/" + issuer;
                if (g.valid()) {
                    tally.passed("inputs");
                } else {
                    tally.violation("inputs", name, "as signed by the victim", "expected valid, got " + g + ": " + g.summary());
                }
                for (var r : respell.entrySet()) {
                    add.accept(new Variant("identifier:respelled", r.getKey() + " (issuer id)", name, () -> {
                        Doc d = Doc.parse(genuine).copy();
                        ObjectNode iss = (ObjectNode) d.credential().get("issuer");
                        iss.put("id", r.getValue().apply(iss.get("id").asText()));
                        if (d.isJwt() && d.body().has("iss")) {
                            d.body().put("iss", r.getValue().apply(d.body().get("iss").asText()));
                        }
                        return d.text();
                    }, v, Rule.REJECT, g));
                    add.accept(new Variant("identifier:respelled", r.getKey() + " (verification method)", name, () -> {
                        Doc d = Doc.parse(genuine).copy();
                        if (d.isJwt()) {
                            ObjectNode h = Doc.object(d.headerJson());
                            h.put("kid", r.getValue().apply(h.get("kid").asText()));
                            d.replaceJws(Doc.write(h), genuine.substring(genuine.lastIndexOf('.') + 1));
                        } else {
                            ObjectNode p = (ObjectNode) d.body().get("proof");
                            p.put("verificationMethod", r.getValue().apply(p.get("verificationMethod").asText()));
                        }
                        return d.text();
                    }, v, Rule.REJECT, g));
                }
            }
        }
    }
}
