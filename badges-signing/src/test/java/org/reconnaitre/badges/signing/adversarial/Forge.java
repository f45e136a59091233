package org.reconnaitre.badges.signing.adversarial;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.internal.multiformats.Base58;

/**
 * Signs what the public signer will not: an RDFC Data Integrity proof with any proof options
 * ({@code expires}, odd purposes). The signature is genuine; only
 * the options are the attacker's (or a careless issuer's).
 */
final class Forge {
    private Forge() {}

    /**
     * Adds a proof with exactly these options (type, cryptosuite, created, verificationMethod,
     * proofPurpose, anything else) signed with {@code key} by the RDFC-1.0 procedure of
     * eddsa-rdfc-2022 / ecdsa-rdfc-2019.
     */
    static String rdfcProof(String unsignedJson, ObjectNode options, SigningKey key) throws Exception {
        ObjectNode doc = Doc.object(unsignedJson);
        ObjectNode config = options.deepCopy();
        config.set("@context", doc.get("@context"));
        DataIntegrity.Settings s = DataIntegrity.Settings.defaults();
        byte[] hash = concat(sha256(DataIntegrity.canonicalNQuads(Doc.write(config), s)),
                sha256(DataIntegrity.canonicalNQuads(unsignedJson, s)));
        ObjectNode proof = options.deepCopy();
        proof.put("proofValue", "z" + Base58.encode(key.sign(hash)));
        doc.set("proof", proof);
        return Doc.write(doc);
    }

    static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
