package org.reconnaitre.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.ProofResult;

/**
 * DataIntegrity.verify(String, KeyResolver.offline()): never throws; a result that is valid or says
 * why not.
 */
class DataIntegrityFuzzTest {
    private static final KeyResolver RESOLVER = KeyResolver.offline();

    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void verify(byte[] input) {
        ProofResult result = DataIntegrity.verify(Contract.utf8(input), RESOLVER);
        assertThat(result).isNotNull();
        if (!result.valid()) {
            assertThat(result.summary()).as("reason of an invalid proof result").isNotBlank();
        }
    }
}
