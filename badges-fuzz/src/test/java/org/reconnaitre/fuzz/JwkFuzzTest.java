package org.reconnaitre.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.reconnaitre.badges.signing.VerificationKey;

/**
 * VerificationKey.fromJwk(String): a public JWK as a DID document or a JWT header carries it; a key,
 * or BadgeException (INVALID_KEY / MALFORMED_JSON).
 */
class JwkFuzzTest {
    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void fromJwk(byte[] input) {
        Contract.resultOrBadgeException(() -> VerificationKey.fromJwk(Contract.utf8(input)));
    }
}
