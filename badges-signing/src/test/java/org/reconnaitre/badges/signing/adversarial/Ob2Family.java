package org.reconnaitre.badges.signing.adversarial;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.function.Consumer;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.adversarial.Tally.Rule;
import org.reconnaitre.badges.signing.adversarial.Tally.Verdict;
import org.reconnaitre.badges.signing.testkit.HostileFetcher;

/**
 * OB 2.0: the issuer's server is the source of truth. A signed assertion whose key or issuer
 * profile comes from anywhere but their own URLs (embedded by the signer, served from the attacker's
 * host, owned by someone else, not listed by the issuer) and a hosted assertion that could not be
 * fetched from its id are never valid.
 */
final class Ob2Family {
    static final String ISSUER = "https://university.example/issuer";
    static final String KEY = "https://university.example/keys/1";
    static final String BADGE = "https://university.example/badges/1";
    static final String ATTACKER_KEY = "https://attacker.example/key";
    static final String CTX = "https://w3id.org/openbadges/v2";

    private Ob2Family() {}

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, new java.security.SecureRandom(new byte[] {42}));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(KeyPair k) {
        return "-----BEGIN PUBLIC KEY-----\\n" + Base64.getEncoder().encodeToString(k.getPublic().getEncoded())
                + "\\n-----END PUBLIC KEY-----";
    }

    static String key(String id, String owner, KeyPair k) {
        return "{\"@context\":\"" + CTX + "\",\"type\":\"CryptographicKey\",\"id\":\"" + id + "\",\"owner\":\"" + owner
                + "\",\"publicKeyPem\":\"" + pem(k) + "\"}";
    }

    static String profile(String id, String keyUrl) {
        return "{\"@context\":\"" + CTX + "\",\"type\":\"Profile\",\"id\":\"" + id + "\",\"name\":\"Example University\","
                + "\"url\":\"https://university.example\",\"email\":\"registrar@university.example\",\"publicKey\":\"" + keyUrl + "\"}";
    }

    static String badgeClass(String id, Object issuer) {
        return "{\"@context\":\"" + CTX + "\",\"type\":\"BadgeClass\",\"id\":\"" + id + "\",\"name\":\"Teamwork\","
                + "\"description\":\"Teamwork.\",\"image\":\"https://university.example/badge.png\","
                + "\"criteria\":{\"narrative\":\"Works well in a team.\"},\"issuer\":" + issuer + "}";
    }

    static String assertion(String badge, String creator, String expires) {
        return "{\"@context\":\"" + CTX + "\",\"type\":\"Assertion\",\"id\":\"urn:uuid:2f1c7a3e-5b7d-4c1e-9a0b-0000000000b2\","
                + "\"recipient\":{\"type\":\"email\",\"hashed\":false,\"identity\":\"" + Inputs.ALICE + "\"},"
                + "\"badge\":" + badge + ",\"verification\":{\"type\":\"SignedBadge\",\"creator\":\"" + creator + "\"},"
                + "\"issuedOn\":\"2024-01-01T00:00:00Z\"" + (expires == null ? "" : ",\"expires\":\"" + expires + "\"") + "}";
    }

    static String sign(PrivateKey key, String payload) {
        try {
            String input = Doc.b64("{\"alg\":\"RS256\"}") + "." + Doc.b64(payload);
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void all(Consumer<Variant> add, Tally tally) throws Exception {
        KeyPair issuerKey = rsa();
        KeyPair attacker = rsa();
        HostileFetcher.Builder net = HostileFetcher.builder()
                .json(ISSUER, profile(ISSUER, KEY))
                .json(KEY, key(KEY, ISSUER, issuerKey))
                .json(BADGE, badgeClass(BADGE, "\"" + ISSUER + "\""))
                .json(ATTACKER_KEY, key(ATTACKER_KEY, ISSUER, attacker))
                .json("https://attacker.example/key-of-attacker", key("https://attacker.example/key-of-attacker",
                        "https://attacker.example/me", attacker))
                .json("https://attacker.example/badge", badgeClass("https://attacker.example/badge",
                        "\"https://attacker.example/issuer\""))
                .json("https://attacker.example/issuer", profile(ISSUER, ATTACKER_KEY))
                .status("https://university.example/assertions/404", 404)
                .fail("https://university.example/assertions/down", BadgeException.Code.FETCH_FAILED);
        Verifier v = Inputs.verifier(net.build(), true, b -> {}, null);
        Verifier offline = Inputs.verifier(HostileFetcher.builder().build(), true, b -> {}, null);
        Verdict valid = new Verdict(true, java.util.Set.of(), "valid");
        String genuine = sign(issuerKey.getPrivate(), assertion("\"" + BADGE + "\"", KEY, null));
        Verdict g = Verdict.of(v.verify(genuine));
        if (g.valid()) {
            tally.passed("inputs");
        } else {
            tally.violation("inputs", "ob2/signed", "as signed by the issuer", "expected valid, got " + g + ": " + g.summary());
        }
        String f = "nesting:ob2";
        String embedded = badgeClass(BADGE, "{\"id\":\"" + ISSUER + "\",\"type\":\"Profile\",\"name\":\"Example University\","
                + "\"url\":\"https://university.example\",\"email\":\"registrar@university.example\",\"publicKey\":"
                + key("https://university.example/keys/2", ISSUER, attacker) + "}");
        add.accept(new Variant(f, "embedded issuer and key", "ob2/signed",
                () -> sign(attacker.getPrivate(), assertion(embedded, "https://university.example/keys/2", null)), v, Rule.REJECT, valid));
        add.accept(new Variant(f, "key on the attacker's host claiming the issuer", "ob2/signed",
                () -> sign(attacker.getPrivate(), assertion("\"" + BADGE + "\"", ATTACKER_KEY, null)), v, Rule.REJECT, valid));
        add.accept(new Variant(f, "key owned by another", "ob2/signed", () -> sign(attacker.getPrivate(),
                assertion("\"" + BADGE + "\"", "https://attacker.example/key-of-attacker", null)), v, Rule.REJECT, valid));
        add.accept(new Variant(f, "issuer profile served from the attacker's URL", "ob2/signed", () -> sign(attacker.getPrivate(),
                assertion("\"https://attacker.example/badge\"", ATTACKER_KEY, null)), v, Rule.REJECT, valid));
        add.accept(new Variant(f, "expired, signed by the issuer", "ob2/signed",
                () -> sign(issuerKey.getPrivate(), assertion("\"" + BADGE + "\"", KEY, "2025-01-01T00:00:00Z")), v, Rule.REJECT, g));
        add.accept(new Variant(f, "signed, offline", "ob2/signed", () -> genuine, offline, Rule.REJECT, g));
        for (String where : new String[] {"404", "down"}) {
            String hosted = "{\"@context\":\"" + CTX + "\",\"type\":\"Assertion\",\"id\":\"https://university.example/assertions/"
                    + where + "\",\"recipient\":{\"type\":\"email\",\"hashed\":false,\"identity\":\"" + Inputs.ALICE + "\"},"
                    + "\"badge\":\"" + BADGE + "\",\"verification\":{\"type\":\"HostedBadge\"},\"issuedOn\":\"2024-01-01T00:00:00Z\"}";
            add.accept(new Variant(f, "hosted, fetch " + where, "ob2/hosted", () -> hosted, v, Rule.REJECT, valid));
        }
    }
}
