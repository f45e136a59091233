package org.reconnaitre.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.reconnaitre.badges.model.Baking;

/**
 * Baking.unbake(byte[]) of SVG bytes (seeds are SVGs): the baked credential, or BadgeException
 * (INVALID_IMAGE).
 */
class UnbakeSvgFuzzTest {
    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void unbake(byte[] input) {
        Contract.resultOrBadgeException(() -> Baking.unbake(input));
    }
}
