package org.reconnaitre.badges.signing.adversarial;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.reconnaitre.badges.model.IdentityHash;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.status.StatusListCache;
import org.reconnaitre.badges.signing.status.StatusListCheck;
import org.reconnaitre.badges.signing.status.StatusPolicy;
import org.reconnaitre.badges.signing.testkit.HostileFetcher;

/**
 * The credentials the generator signs itself: every {@link Suite} in every {@link State}, with fixed
 * keys, a fixed clock and a BitstringStatusList served by a {@link HostileFetcher}.
 */
final class Inputs {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String V2 = "https://www.w3.org/ns/credentials/v2";
    static final String V1 = "https://www.w3.org/2018/credentials/v1";
    static final String OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    static final String OB3_V1 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json";
    static final String DI = "https://w3id.org/security/data-integrity/v2";
    static final String CLR = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

    static final String CREDENTIAL_ID = "urn:uuid:2f1c7a3e-5b7d-4c1e-9a0b-000000000001";
    static final String ALICE = "alice@example.org";
    static final String MALLORY = "mallory@example.org";
    static final String SALT = "s4lt";
    static final int REVOKED_INDEX = 7;
    static final int GOOD_INDEX = 5;

    static final SigningKey ED = ed25519(1);
    static final SigningKey P256 = p256(2);
    /** Another party's keys: whatever it signs must never pass for the issuer's. */
    static final SigningKey ATTACKER_ED = ed25519(3);
    static final SigningKey ATTACKER_P256 = p256(4);
    static final SigningKey ENDORSER = ed25519(5);

    private Inputs() {}

    /** The states a signed input is in, and the verdict it must have. */
    enum State {
        VALID(true), VALID_V1(true), EXPIRED(false), EXPIRED_V1(false), NOT_YET_VALID(false), REVOKED(false),
        WRONG_RECIPIENT(false);

        final boolean valid;

        State(boolean valid) {
            this.valid = valid;
        }
    }

    /** One signed input: what it is, its text, and the verifier that judges it. */
    record Input(String name, Suite suite, State state, String text, Verifier verifier, boolean expectedValid) {}

    static SigningKey ed25519(int seed) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) seed);
        try {
            return SigningKey.fromEd25519Secret(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SigningKey p256(int seed) {
        byte[] s = new byte[32];
        s[31] = (byte) seed;
        s[0] = 0x11;
        try {
            return SigningKey.fromP256Secret(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SigningKey key(Suite suite) {
        return suite.keyType == KeyType.ED25519 ? ED : P256;
    }

    static SigningKey attacker(Suite suite) {
        return suite.keyType == KeyType.ED25519 ? ATTACKER_ED : ATTACKER_P256;
    }

    static String did(SigningKey key) {
        return DidKey.of(key.publicKey());
    }

    static String listUrl(SigningKey key) {
        return "https://status.example/lists/" + (key.type() == KeyType.ED25519 ? "ed" : "p256");
    }

    // ---------------------------------------------------------------- credentials

    /** An unsigned OB 3.0 credential (VC 2.0, or VC 1.1 when {@code v1}) for alice, with a status entry when given. */
    static ObjectNode credential(String issuer, boolean v1, String from, String until, String statusListOrNull, int index) {
        ObjectNode c = Doc.JSON.createObjectNode();
        ArrayNode ctx = c.putArray("@context");
        if (v1) {
            ctx.add(V1).add(OB3_V1).add(DI);
        } else {
            ctx.add(V2).add(OB3);
        }
        c.put("id", CREDENTIAL_ID);
        c.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        ObjectNode iss = c.putObject("issuer");
        iss.put("id", issuer);
        iss.putArray("type").add("Profile");
        iss.put("name", "Example University");
        c.put(v1 ? "issuanceDate" : "validFrom", from);
        if (until != null) {
            c.put(v1 ? "expirationDate" : "validUntil", until);
        }
        c.put("name", "Teamwork Badge");
        ObjectNode s = c.putObject("credentialSubject");
        s.put("id", "did:example:alice");
        s.putArray("type").add("AchievementSubject");
        ObjectNode ident = s.putArray("identifier").addObject();
        ident.put("type", "IdentityObject");
        ident.put("identityType", "emailAddress");
        ident.put("hashed", true);
        ident.put("identityHash", IdentityHash.createEmail(ALICE, SALT).toString());
        ident.put("salt", SALT);
        ObjectNode a = s.putObject("achievement");
        a.put("id", "https://example.com/achievements/teamwork");
        a.putArray("type").add("Achievement");
        a.putObject("criteria").put("narrative", "Works well in a team.");
        a.put("description", "Teamwork.");
        a.put("name", "Teamwork");
        if (statusListOrNull != null) {
            c.set("credentialStatus", statusEntry(statusListOrNull, index, "revocation"));
        }
        return c;
    }

    static ObjectNode statusEntry(String listUrl, int index, String purpose) {
        ObjectNode e = Doc.JSON.createObjectNode();
        e.put("id", listUrl + "#" + index);
        e.put("type", "BitstringStatusListEntry");
        e.put("statusPurpose", purpose);
        e.put("statusListIndex", Integer.toString(index));
        e.put("statusListCredential", listUrl);
        return e;
    }

    /** The unsigned credential of a state, for the issuer that signs with {@code key}. */
    static ObjectNode credential(State state, SigningKey key) {
        String iss = did(key);
        String list = listUrl(key);
        return switch (state) {
            case VALID, WRONG_RECIPIENT -> credential(iss, false, "2024-01-01T00:00:00Z", "2030-01-01T00:00:00Z", list, GOOD_INDEX);
            case VALID_V1 -> credential(iss, true, "2024-01-01T00:00:00Z", "2030-01-01T00:00:00Z", null, 0);
            case EXPIRED -> credential(iss, false, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", list, GOOD_INDEX);
            case EXPIRED_V1 -> credential(iss, true, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", null, 0);
            case NOT_YET_VALID -> credential(iss, false, "2026-01-01T00:00:00Z", "2030-01-01T00:00:00Z", list, GOOD_INDEX);
            case REVOKED -> credential(iss, false, "2024-01-01T00:00:00Z", "2030-01-01T00:00:00Z", list, REVOKED_INDEX);
        };
    }

    /** Every suite in every state, signed, each with its verifier. */
    static List<Input> signed() throws Exception {
        List<Input> all = new ArrayList<>();
        for (Suite suite : Suite.values()) {
            for (State state : State.values()) {
                String text = suite.sign(Doc.write(credential(state, key(suite))), key(suite));
                all.add(new Input(suite.label + "/" + state.name().toLowerCase(java.util.Locale.ROOT), suite, state, text,
                        verifierFor(state, true), state.valid));
            }
        }
        return all;
    }

    // ---------------------------------------------------------------- status lists and verifiers

    static String gzipBase64(byte[] bits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bits);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** An unsigned BitstringStatusListCredential at {@code url} issued by {@code issuer}, with these bits set. */
    static ObjectNode statusList(String url, String issuer, String purpose, String until, int... set) {
        byte[] bits = new byte[16_384];
        for (int i : set) {
            bits[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        }
        ObjectNode l = Doc.JSON.createObjectNode();
        l.putArray("@context").add(V2);
        l.put("id", url);
        l.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        l.put("issuer", issuer);
        l.put("validFrom", "2024-01-01T00:00:00Z");
        if (until != null) {
            l.put("validUntil", until);
        }
        ObjectNode s = l.putObject("credentialSubject");
        s.put("id", url + "#list");
        s.put("type", "BitstringStatusList");
        s.put("statusPurpose", purpose);
        s.put("encodedList", gzipBase64(bits));
        return l;
    }

    /** The issuer's genuine list: revocation, entry {@value #REVOKED_INDEX} set, signed by the issuer. */
    static String genuineList(SigningKey key) throws Exception {
        Suite s = key.type() == KeyType.ED25519 ? Suite.EDDSA_RDFC : Suite.ECDSA_RDFC;
        return s.sign(Doc.write(statusList(listUrl(key), did(key), "revocation", null, REVOKED_INDEX)), key);
    }

    private static HostileFetcher genuineFetcher;

    /** Serves both issuers' genuine lists. */
    static synchronized HostileFetcher genuineFetcher() throws Exception {
        if (genuineFetcher == null) {
            genuineFetcher = HostileFetcher.builder().json(listUrl(ED), genuineList(ED)).json(listUrl(P256), genuineList(P256)).build();
        }
        return genuineFetcher;
    }

    /** The verifier for a state: fixed clock, status lists with a FAIL policy, alice (or for WRONG_RECIPIENT, mallory) expected. */
    static synchronized Verifier verifierFor(State state, boolean schema) throws Exception {
        String key = state.name() + schema;
        Verifier v = VERIFIERS.get(key);
        if (v == null) {
            v = verifier(genuineFetcher(), schema, b -> {}, state == State.WRONG_RECIPIENT ? MALLORY : ALICE);
            VERIFIERS.put(key, v);
        }
        return v;
    }

    private static final java.util.Map<String, Verifier> VERIFIERS = new java.util.HashMap<>();

    static Verifier verifier(org.reconnaitre.badges.model.Fetcher fetcher, boolean schema, Consumer<Verifier.Builder> more,
            String recipientOrNull) throws Exception {
        Verifier.Builder b = Verifier.builder().clock(CLOCK).schemaValidation(schema).fetcher(fetcher)
                .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5), CLOCK, 64), StatusPolicy.FAIL));
        more.accept(b);
        Verifier v = b.build();
        return recipientOrNull == null ? v : v.forRecipient(ExpectedRecipient.email(recipientOrNull));
    }
}
