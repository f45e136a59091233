package org.reconnaitre.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import org.reconnaitre.frameworks.crosswalk.Crosswalk;

/**
 * Crosswalk.readSssom(Reader) of SSSOM TSV: a crosswalk, or BadgeException (MALFORMED_DATA naming line
 * and column).
 */
class SssomFuzzTest {
    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void readSssom(byte[] input) {
        Contract.resultOrBadgeException(() -> Crosswalk.readSssom(new StringReader(Contract.utf8(input))));
    }
}
