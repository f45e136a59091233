package org.reconnaitre.badges.signing;

import java.util.Optional;

/**
 * The Data Integrity cryptosuites the SDK can create.
 *
 * <pre>{@code
 * ProofOptions options = ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).build();
 * Cryptosuite.fromId("ecdsa-rdfc-2019");   // Optional[ECDSA_RDFC_2019]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum Cryptosuite {
    /** {@code eddsa-rdfc-2022}: Ed25519 over RDFC-1.0 canonical N-Quads (W3C vc-di-eddsa). */
    EDDSA_RDFC_2022("eddsa-rdfc-2022", KeyType.ED25519),
    /** {@code ecdsa-rdfc-2019}: ECDSA P-256 / SHA-256 over RDFC-1.0 canonical N-Quads (W3C vc-di-ecdsa). */
    ECDSA_RDFC_2019("ecdsa-rdfc-2019", KeyType.P256),
    /** {@code eddsa-jcs-2022}: Ed25519 over the JCS (RFC 8785) serialisation (W3C vc-di-eddsa). */
    EDDSA_JCS_2022("eddsa-jcs-2022", KeyType.ED25519),
    /**
     * {@code ecdsa-sd-2023}: ECDSA P-256 selective disclosure (W3C vc-di-ecdsa). Signing creates a
     * <em>base proof</em> for the holder (see {@link ProofOptions.Builder#mandatoryPointers}), who
     * derives disclosures with {@link DataIntegrity#derive}; verifiers accept only derived proofs.
     */
    ECDSA_SD_2023("ecdsa-sd-2023", KeyType.P256);

    private final String id;
    private final KeyType keyType;

    Cryptosuite(String id, KeyType keyType) {
        this.id = id;
        this.keyType = keyType;
    }

    /** @return the {@code cryptosuite} value written in proofs */
    public String id() {
        return id;
    }

    /** @return the key type this suite signs with */
    public KeyType keyType() {
        return keyType;
    }

    /**
     * @param id a {@code cryptosuite} value
     * @return the suite, if the SDK can create it
     */
    public static Optional<Cryptosuite> fromId(String id) {
        for (Cryptosuite c : values()) {
            if (c.id.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * @param type a key type
     * @return the default suite for it: eddsa-rdfc-2022 for Ed25519, ecdsa-rdfc-2019 for P-256
     * @throws IllegalArgumentException for RSA (no Data Integrity suite; use VC-JWT)
     */
    public static Cryptosuite defaultFor(KeyType type) {
        switch (type) {
            case ED25519:
                return EDDSA_RDFC_2022;
            case P256:
                return ECDSA_RDFC_2019;
            default:
                throw new IllegalArgumentException("no Data Integrity cryptosuite for RSA keys; sign as VC-JWT (RS256)");
        }
    }
}
