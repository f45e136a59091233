package org.reconnaitre.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.reconnaitre.badges.signing.VerificationKey;

/** VerificationKey.fromMultikey(String): a key, or BadgeException (INVALID_KEY). */
class MultikeyFuzzTest {
    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void fromMultikey(byte[] input) {
        Contract.resultOrBadgeException(() -> VerificationKey.fromMultikey(Contract.utf8(input)));
    }
}
