package org.reconnaitre.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import org.reconnaitre.badges.model.IdentityHash;

/**
 * IdentityHash.parse(String): a hash or Optional.empty(); it declares no exception, so any throwable
 * is a finding. A parsed hash prints back to text it parses again to an equal hash.
 */
class IdentityHashFuzzTest {
    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void parse(byte[] input) {
        Optional<IdentityHash> hash = IdentityHash.parse(Contract.utf8(input));
        hash.ifPresent(h -> assertThat(IdentityHash.parse(h.toString())).contains(h));
    }
}
