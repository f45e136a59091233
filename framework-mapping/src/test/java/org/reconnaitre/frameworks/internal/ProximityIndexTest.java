package org.reconnaitre.frameworks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each scoring term on a hand-made framework: occupations A = {x, y}, B = {x, y, z, w}, C = {z},
 * every requirement essential, IDF and hierarchy off so that every weight is 1.
 */
class ProximityIndexTest {
    private static FrameworkData d;
    private static int a;
    private static int b;
    private static int c;
    /** Nothing but the item cosine. */
    private static final ProximityIndex.Params PLAIN =
            new ProximityIndex.Params(1.0, false, 0, 0, 0, 0, true, true, 0, 0, 150);

    @BeforeAll
    static void data() throws Exception {
        FrameworkData.Builder f = new FrameworkData.Builder().meta("t", "test", "1", "none", "hand-made");
        a = f.add("urn:t:A", "A", FrameworkData.OCCUPATION);
        b = f.add("urn:t:B", "B", FrameworkData.OCCUPATION);
        c = f.add("urn:t:C", "C", FrameworkData.OCCUPATION);
        int x = f.add("urn:t:x", "x", FrameworkData.SKILL);
        int y = f.add("urn:t:y", "y", FrameworkData.SKILL);
        int z = f.add("urn:t:z", "z", FrameworkData.SKILL);
        int w = f.add("urn:t:w", "w", FrameworkData.SKILL);
        for (int[] r : new int[][] {{a, x}, {a, y}, {b, x}, {b, y}, {b, z}, {b, w}, {c, z}}) {
            f.require(r[0], r[1], 1f, FrameworkData.ESSENTIAL);
        }
        d = f.build();
    }

    @Test
    void itemCosine() {
        ProximityIndex p = new ProximityIndex(d, PLAIN);
        assertThat(p.score(a, b)).isCloseTo(2 / (Math.sqrt(2) * 2), within(1e-9));
        assertThat(p.score(b, a)).isCloseTo(p.score(a, b), within(1e-12));
        assertThat(p.score(a, c)).isZero();
    }

    @Test
    void coverageIsTheShareOfTheDestinationTheOriginHolds() {
        ProximityIndex p = new ProximityIndex(d, PLAIN.with("coverageWeight", 1));
        assertThat(p.score(a, b)).isCloseTo(0.5, within(1e-9)); // A holds 2 of B's 4
        assertThat(p.score(b, a)).isCloseTo(1.0, within(1e-9));
        assertThat(p.score(b, c)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void reverseCoverageIsTheShareOfTheOriginTheDestinationKeeps() {
        ProximityIndex p = new ProximityIndex(d, PLAIN.with("reverseCoverageWeight", 1));
        assertThat(p.score(a, b)).isCloseTo(1.0, within(1e-9)); // B keeps all of A
        assertThat(p.score(b, a)).isCloseTo(0.5, within(1e-9));
        assertThat(p.score(b, c)).isCloseTo(0.25, within(1e-9));
        int[][] top = p.top(a, 2);
        assertThat(top[0]).containsExactly(b, c);
        assertThat(Float.intBitsToFloat(top[1][0])).isEqualTo(1f);
        // a portfolio {x, y} is covered by B entirely, by C not at all
        int[][] q = p.top(p.queryOf(new int[] {d.find("urn:t:x"), d.find("urn:t:y")}), 3);
        assertThat(q[0][0]).isIn(a, b);
        assertThat(Float.intBitsToFloat(q[1][0])).isEqualTo(1f);
        assertThat(q[0][2]).isEqualTo(c);
        assertThat(Float.intBitsToFloat(q[1][2])).isZero();
    }

    @Test
    void latentCosineAtFullRankIsTheItemCosineAndAtRankOneJoinsDisjointOccupations() {
        ProximityIndex full = new ProximityIndex(d, PLAIN.with("latentWeight", 1));
        assertThat(full.score(a, b)).isCloseTo(2 / (Math.sqrt(2) * 2), within(1e-6));
        assertThat(full.score(a, c)).isCloseTo(0, within(1e-6));
        // rank 1: A A^T = [[2,2,0],[2,4,1],[0,1,1]] has a positive leading eigenvector, so every
        // occupation lies on the same latent direction, including A and C which share no item
        ProximityIndex one = new ProximityIndex(d, PLAIN.with("latentWeight", 1).with("latentRank", 1));
        assertThat(one.score(a, c)).isCloseTo(1.0, within(1e-6));
        assertThat(one.score(a, b)).isCloseTo(1.0, within(1e-6));
        int[][] top = one.top(a, 2);
        assertThat(Float.intBitsToFloat(top[1][1])).isCloseTo(1f, within(1e-5f));
    }

    @Test
    void theBlendIsTheWeightedSumOfTheTerms() {
        ProximityIndex.Params mix = PLAIN.with("coverageWeight", 0.2).with("reverseCoverageWeight", 0.3);
        assertThat(mix.itemWeight()).isCloseTo(0.5, within(1e-12));
        ProximityIndex p = new ProximityIndex(d, mix);
        assertThat(p.score(a, b)).isCloseTo(0.5 * Math.sqrt(0.5) + 0.2 * 0.5 + 0.3 * 1.0, within(1e-7));
        assertThat(p.score(b, a)).isCloseTo(0.5 * Math.sqrt(0.5) + 0.2 * 1.0 + 0.3 * 0.5, within(1e-7));
        int[][] top = p.top(b, 1);
        assertThat(Float.intBitsToFloat(top[1][0])).isCloseTo((float) p.score(b, top[0][0]), within(1e-6f));
    }

    @Test
    void theTopKWithLatentPruningIsTheHeadOfTheFullRanking() throws Exception {
        FrameworkData rome = RomeLoader.load(java.nio.file.Path.of(
                ProximityIndexTest.class.getResource("/fixtures/rome-v460").toURI()));
        ProximityIndex p = new ProximityIndex(rome, ProximityIndex.Params.DEFAULT);
        int[] occ = p.occupations();
        assertThat(occ).hasSize(5);
        for (int o : occ) {
            int[][] all = p.top(o, occ.length); // the heap fills only at the end: nothing is pruned
            for (int k = 1; k < occ.length; k++) {
                int[][] top = p.top(o, k);
                assertThat(top[0]).containsExactly(java.util.Arrays.copyOf(all[0], k));
                assertThat(top[1]).containsExactly(java.util.Arrays.copyOf(all[1], k));
                for (int i = 0; i < k; i++) {
                    assertThat(Float.intBitsToFloat(top[1][i])).isCloseTo((float) p.score(o, top[0][i]), within(1e-5f));
                }
            }
        }
    }
}
