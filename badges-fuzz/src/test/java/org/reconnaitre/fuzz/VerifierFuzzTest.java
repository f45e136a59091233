package org.reconnaitre.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.reconnaitre.badges.signing.Verifier;

/**
 * Verifier.verify(byte[]) with the default, offline configuration: never throws, always a well-formed
 * report (format detection, unbaking, JSON, JWS, OB 2.0 and 3.0 paths).
 */
class VerifierFuzzTest {
    private static final Verifier VERIFIER = Verifier.builder().build();

    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void verify(byte[] input) {
        Contract.wellFormed(VERIFIER.verify(input));
    }
}
