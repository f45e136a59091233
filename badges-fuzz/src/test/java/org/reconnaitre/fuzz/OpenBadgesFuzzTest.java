package org.reconnaitre.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.reconnaitre.badges.model.OpenBadges;

/** OpenBadges.read(byte[]): a document, or BadgeException (MALFORMED_JSON / INVALID_DOCUMENT). */
class OpenBadgesFuzzTest {
    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void read(byte[] input) {
        Contract.resultOrBadgeException(() -> OpenBadges.read(input));
    }
}
