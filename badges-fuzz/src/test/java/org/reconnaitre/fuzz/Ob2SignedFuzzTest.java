package org.reconnaitre.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;

/**
 * The Open Badges 2.0 signed path with a fetcher that serves attacker-chosen documents. The input
 * is five NUL-separated parts: a control byte (bit 0: the attacker's key signs instead of the
 * issuer's), the assertion payload, and the documents served for the badge class
 * ({@value #BADGE}), the issuer profile ({@value #ISSUER}) and the key ({@value #KEY}); any other
 * URL gets the key document when it contains "key", else the profile. In the served documents and
 * the payload, {@code {G}} and {@code {A}} stand for the issuer's and the attacker's public keys in
 * PEM (JSON-escaped), so mutations reach the binding rules rather than the PEM encoding.
 *
 * <p>Contract: never an exception, a well-formed report, and never VALID unless the documents
 * served genuinely bind a key that verifies the signature to the issuer the report names: the
 * profile served at the issuer id, a key URL it lists whose document names that issuer as owner (or,
 * for a 1.x PEM key, a key on the issuer's host), and that key is the signer's.
 */
class Ob2SignedFuzzTest {
    static final String BADGE = "https://issuer.example/badge.json";
    static final String ISSUER = "https://issuer.example/issuer.json";
    static final String KEY = "https://issuer.example/key.json";
    private static final KeyPair GENUINE = rsa();
    private static final KeyPair ATTACKER = rsa();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair k) {
        return "-----BEGIN PUBLIC KEY-----\\n" + Base64.getEncoder().encodeToString(k.getPublic().getEncoded())
                + "\\n-----END PUBLIC KEY-----";
    }

    private static String fill(byte[] part) {
        return Contract.utf8(part).replace("{G}", pem(GENUINE)).replace("{A}", pem(ATTACKER));
    }

    /** What the attacker's fetcher serves for a URL (fragment removed). */
    private record Served(String badge, String issuer, String key) {
        String at(String url) {
            int hash = url.indexOf('#');
            String u = hash < 0 ? url : url.substring(0, hash);
            return u.equals(BADGE) ? badge : u.equals(ISSUER) ? issuer : u.equals(KEY) ? key
                    : u.contains("key") ? key : issuer;
        }
    }

    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void verify(byte[] input) {
        run(input);
    }

    static VerificationReport run(byte[] input) {
        byte[][] p = Contract.split(input, 5);
        KeyPair signer = p[0].length > 0 && (p[0][0] & 1) == 1 ? ATTACKER : GENUINE;
        String payload = fill(p[1]);
        Served served = new Served(fill(p[2]), fill(p[3]), fill(p[4]));
        Fetcher fetcher = url -> new Fetcher.Response(url, 200, "application/json",
                served.at(url.toString()).getBytes(StandardCharsets.UTF_8));
        Verifier verifier = Verifier.builder().clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .fetcher(fetcher).build();
        VerificationReport r = verifier.verify(sign(signer, payload));
        Contract.wellFormed(r);
        if (r.isValid() && !genuinelyBound(r, served, payload, signer.getPublic())) {
            throw new AssertionError("VALID although no served key bound to the issuer verifies the signature: " + r);
        }
        return r;
    }

    private static String sign(KeyPair k, String payload) {
        try {
            String in = B64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(k.getPrivate());
            s.update(in.getBytes(StandardCharsets.US_ASCII));
            return in + "." + B64.encodeToString(s.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The oracle: an independent reading of what was served. */
    static boolean genuinelyBound(VerificationReport r, Served served, String payload, PublicKey signer) {
        String issuerId = r.issuerId().orElse(null);
        JsonNode profile = parse(issuerId == null ? null : served.at(issuerId));
        if (profile == null || !profile.isObject() || (profile.has("id") && !issuerId.equals(profile.path("id").asText()))) {
            return false;
        }
        List<String> listed = new ArrayList<>();
        JsonNode pk = profile.get("publicKey");
        for (JsonNode k : pk == null ? List.<JsonNode>of() : pk.isArray() ? List.copyOf(toList(pk)) : List.of(pk)) {
            listed.add(k.isTextual() ? k.asText() : k.path("id").asText());
        }
        JsonNode doc = parse(payload);
        JsonNode creator = doc == null ? null : doc.path("verification").get("creator");
        List<String> candidates = new ArrayList<>(listed);
        if (creator != null && creator.isTextual()) {
            candidates.add(creator.asText());
        }
        String issuerHost = host(profile.path("url").asText(null)) != null ? host(profile.path("url").asText(null))
                : host(issuerId);
        for (String k : candidates) {
            String body = served.at(k);
            JsonNode key = parse(body);
            if (key != null && key.isObject()) {
                if (listed.contains(k) && k.equals(key.path("id").asText()) && issuerId.equals(key.path("owner").asText())
                        && sameKey(key.path("publicKeyPem").asText(""), signer)) {
                    return true;
                }
            } else if (body.strip().startsWith("-----BEGIN PUBLIC KEY-----") && sameKey(body, signer)
                    && issuerHost != null && issuerHost.equals(host(k))) {
                return true; // an Open Badges 1.x PEM key on the issuer's host
            }
        }
        return false;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> l = new ArrayList<>();
        array.forEach(l::add);
        return l;
    }

    private static JsonNode parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return JSON.readTree(s);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String host(String url) {
        try {
            String h = url == null ? null : URI.create(url).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameKey(String pem, PublicKey signer) {
        try {
            String b64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            PublicKey k = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(b64)));
            RSAPublicKey a = (RSAPublicKey) k;
            RSAPublicKey b = (RSAPublicKey) signer;
            return a.getModulus().equals(b.getModulus()) && a.getPublicExponent().equals(b.getPublicExponent());
        } catch (java.security.GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }

    static byte[] seed(String name) throws IOException {
        try (InputStream in = Ob2SignedFuzzTest.class.getResourceAsStream("Ob2SignedFuzzTestInputs/verify/" + name)) {
            return in.readAllBytes();
        }
    }

    /** The harness reaches both sides of the contract: the genuine seed verifies, the forged ones do not. */
    @Test
    void theGenuineSeedVerifiesAndTheForgedOnesDoNot() throws Exception {
        VerificationReport genuine = run(seed("genuine"));
        assertThat(genuine.isValid()).as("%s", genuine).isTrue();
        for (String forged : List.of("attacker-signs", "attacker-key-claims-issuer", "embedded-issuer-and-key")) {
            VerificationReport r = run(seed(forged));
            assertThat(r.isValid()).as("%s: %s", forged, r).isFalse();
        }
    }
}
