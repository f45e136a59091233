package org.reconnaitre.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.reconnaitre.badges.model.Baking;

/**
 * Baking.unbake(byte[]) of PNG bytes (seeds are PNGs): the baked credential, or BadgeException
 * (INVALID_IMAGE).
 */
class UnbakePngFuzzTest {
    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void unbake(byte[] input) {
        Contract.resultOrBadgeException(() -> Baking.unbake(input));
    }
}
