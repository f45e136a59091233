package org.reconnaitre.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Base64;
import org.reconnaitre.badges.signing.Verifier;

/**
 * Verifier.verify(String) of a compact VC-JWT whose header, payload and signature are fuzzed
 * separately (NUL-separated in the input) and base64url-encoded here, so mutations reach the JOSE
 * header and the claims rather than the base64 layer.
 */
class VcJwtFuzzTest {
    private static final Verifier VERIFIER = Verifier.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void verify(byte[] input) {
        byte[][] p = Contract.split(input, 3);
        String jwt = B64.encodeToString(p[0]) + "." + B64.encodeToString(p[1]) + "." + B64.encodeToString(p[2]);
        Contract.wellFormed(VERIFIER.verify(jwt));
    }
}
