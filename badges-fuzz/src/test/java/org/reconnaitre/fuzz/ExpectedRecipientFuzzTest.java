package org.reconnaitre.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.reconnaitre.badges.signing.ExpectedRecipient;

/**
 * ExpectedRecipient.of(Type, String): the first input byte picks the type, the rest is the value; an
 * expectation, or BadgeException (INVALID_DOCUMENT).
 */
class ExpectedRecipientFuzzTest {
    private static final ExpectedRecipient.Type[] TYPES = ExpectedRecipient.Type.values();

    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void of(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ExpectedRecipient.Type type = TYPES[(input[0] & 0xff) % TYPES.length];
        String value = Contract.utf8(Arrays.copyOfRange(input, 1, input.length));
        Contract.resultOrBadgeException(() -> ExpectedRecipient.of(type, value));
    }
}
