package org.reconnaitre.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Smoke test (a few seconds, no measuring): every benchmark state sets up, and each measured call
 * does the successful work it claims to measure. The setups themselves also reject tampered input.
 */
class BenchmarkSetupTest {

    @Test
    void dataIntegrityBenchmarksVerifySuccessfully() throws Throwable {
        DataIntegrityBenchmark b = new DataIntegrityBenchmark();
        b.setup();
        assertThat(b.ourVerify().valid()).isTrue();
        assertThat(b.ourVerifierNoSchema().isValid()).isTrue();
        assertThat(b.ironVerify().isCredential()).isTrue();
        assertThat(b.ourSign()).contains("\"eddsa-rdfc-2022\"");
        assertThat(b.ironSign().toString()).contains("eddsa-rdfc-2022");
    }

    @Test
    void jwtBenchmarksVerifySuccessfully() throws Exception {
        for (String alg : new String[] {"EdDSA", "ES256"}) {
            JwtBenchmark b = new JwtBenchmark();
            b.alg = alg;
            b.templatePool = 4;
            b.shapePool = 8;
            b.setup();
            assertThat(b.templateTokens).as(alg).hasSize(4).doesNotHaveDuplicates();
            assertThat(b.unseenShapeTokens).as(alg).hasSize(8).doesNotHaveDuplicates();
            for (int i = 0; i < 8; i++) {
                assertThat(b.jwtVerifyIssuerTemplate().isValid()).as(alg).isTrue();
                assertThat(b.jwtVerifyUnseenShape().isValid()).as(alg).isTrue();
            }
            assertThat(b.jwtVerify().isValid()).as(alg).isTrue();
            assertThat(b.jwtVerifyNoSchema().isValid()).as(alg).isTrue();
            assertThat(b.bareSignatureCheck()).as(alg).isTrue();
            assertThat(b.jwtSign().split("\\.")).as(alg).hasSize(3);
        }
    }

    @Test
    void proximityBenchmarkRunsOnTheCommittedFixture() throws Exception {
        ProximityBenchmark b = new ProximityBenchmark();
        b.setup();
        assertThat(b.top10Transitions()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
    }
}
