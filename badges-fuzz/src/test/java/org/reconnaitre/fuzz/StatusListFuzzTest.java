package org.reconnaitre.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.reconnaitre.badges.signing.status.StatusLists;
import org.reconnaitre.badges.signing.status.StatusResult;

/**
 * StatusLists.check(entry, list): a credentialStatus entry and a status list credential (NUL-separated
 * in the input); never throws, and an ERROR outcome says why.
 */
class StatusListFuzzTest {
    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void check(byte[] input) {
        byte[][] p = Contract.split(input, 2);
        StatusResult r = StatusLists.check(Contract.utf8(p[0]), Contract.utf8(p[1]));
        assertThat(r).isNotNull();
        if (r.outcome() == StatusResult.Outcome.ERROR) {
            assertThat(r.message()).as("reason of a status error").isNotBlank();
        }
    }
}
