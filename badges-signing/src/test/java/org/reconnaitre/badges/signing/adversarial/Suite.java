package org.reconnaitre.badges.signing.adversarial;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.SigningKey;

/** The ways the generator signs a credential: four Data Integrity suites (ecdsa-sd-2023 derived) and VC-JWT. */
enum Suite {
    EDDSA_RDFC("eddsa-rdfc-2022", Cryptosuite.EDDSA_RDFC_2022, KeyType.ED25519),
    ECDSA_RDFC("ecdsa-rdfc-2019", Cryptosuite.ECDSA_RDFC_2019, KeyType.P256),
    EDDSA_JCS("eddsa-jcs-2022", Cryptosuite.EDDSA_JCS_2022, KeyType.ED25519),
    ECDSA_SD("ecdsa-sd-2023", Cryptosuite.ECDSA_SD_2023, KeyType.P256),
    JWT_EDDSA("jwt-EdDSA", null, KeyType.ED25519),
    JWT_ES256("jwt-ES256", null, KeyType.P256);

    static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    final String label;
    final Cryptosuite cryptosuite; // null for VC-JWT
    final KeyType keyType;

    Suite(String label, Cryptosuite cryptosuite, KeyType keyType) {
        this.label = label;
        this.cryptosuite = cryptosuite;
        this.keyType = keyType;
    }

    boolean jwt() {
        return cryptosuite == null;
    }

    /** Whether the signature covers the RDF (so a JSON-LD rewrite keeps it valid). */
    boolean signsRdf() {
        return this == EDDSA_RDFC || this == ECDSA_RDFC || this == ECDSA_SD;
    }

    String sign(String credential, SigningKey key) throws Exception {
        return sign(credential, key, null, null);
    }

    /**
     * Signs with the issuer's usual options, or with another proof purpose / created date (null:
     * the usual). An ecdsa-sd-2023 base proof is derived at once, disclosing everything mandatory:
     * the decision-relevant properties are all mandatory.
     */
    String sign(String credential, SigningKey key, String purpose, Instant created) throws Exception {
        if (jwt()) {
            return Issuer.with(key).build().signJwt(credential);
        }
        ProofOptions.Builder o = ProofOptions.builder(cryptosuite).created(created == null ? CREATED : created);
        if (purpose != null) {
            o.proofPurpose(purpose);
        }
        if (this == ECDSA_SD) {
            o.mandatoryPointers(mandatoryPointers(Doc.object(credential)));
            return DataIntegrity.derive(DataIntegrity.sign(credential, key, o.build()), List.of());
        }
        return DataIntegrity.sign(credential, key, o.build());
    }

    static List<String> mandatoryPointers(ObjectNode c) {
        List<String> p = new ArrayList<>();
        for (String name : List.of("id", "type", "issuer", "validFrom", "validUntil", "issuanceDate", "expirationDate",
                "credentialStatus", "credentialSubject", "name", "endorsement", "endorsementJwt")) {
            if (c.has(name)) {
                p.add("/" + name);
            }
        }
        return p;
    }
}
