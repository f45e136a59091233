package org.reconnaitre.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.reconnaitre.badges.signing.DidKey;

/** DidKey.resolve(String): a DID document, or BadgeException (INVALID_KEY). */
class DidKeyFuzzTest {
    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void resolve(byte[] input) {
        Contract.resultOrBadgeException(() -> DidKey.resolve(Contract.utf8(input)));
    }
}
