package org.reconnaitre.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.reconnaitre.frameworks.CasePackages;

/**
 * CasePackages.read(String, String) of CASE (CFPackage) JSON: a framework, or BadgeException
 * (MALFORMED_DATA with a JSON pointer).
 */
class CasePackagesFuzzTest {
    @FuzzTest(maxDuration = Budget.MAX_DURATION)
    void read(byte[] input) {
        Contract.resultOrBadgeException(() -> CasePackages.read(Contract.utf8(input), "fuzz.json"));
    }
}
