package org.reconnaitre.frameworks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The truncated SVD on matrices small enough to check by hand. */
class LatentSpaceTest {
    /**
     * Rows a = (2, 0), b = (0, 1), c = (1, 1) as feature postings: feature 0 → a:2, c:1; feature 1 →
     * b:1, c:1. AᵀA = [[5, 1], [1, 2]], so σ² = (7 ± √13) / 2.
     */
    private static LatentSpace abc(int k) {
        return new LatentSpace(3, new int[] {0, 2, 4}, new int[] {0, 2, 1, 2}, new float[] {2, 1, 1, 1}, k, 7);
    }

    @Test
    void fullRankKeepsThePlainCosine() {
        LatentSpace s = abc(5);
        assertThat(s.rank).isEqualTo(2);
        assertThat(s.lambda[0]).isCloseTo((7 + Math.sqrt(13)) / 2, within(1e-9));
        assertThat(s.lambda[1]).isCloseTo((7 - Math.sqrt(13)) / 2, within(1e-9));
        assertThat(s.cosine(0, 1)).isCloseTo(0.0, within(1e-6));
        assertThat(s.cosine(0, 2)).isCloseTo(Math.sqrt(0.5), within(1e-6));
        assertThat(s.cosine(1, 2)).isCloseTo(Math.sqrt(0.5), within(1e-6));
        // the embeddings U Σ reproduce the Gram matrix A Aᵀ: |c|² = 2, a · c = 2
        assertThat(s.norm[2] * s.norm[2]).isCloseTo(2.0, within(1e-5));
        assertThat(s.cosine(0, 2) * s.norm[0] * s.norm[2]).isCloseTo(2.0, within(1e-5));
    }

    @Test
    void rankOneMakesEveryRowParallel() {
        LatentSpace s = abc(1);
        assertThat(s.rank).isEqualTo(1);
        assertThat(s.lambda[0]).isCloseTo((7 + Math.sqrt(13)) / 2, within(1e-9));
        // a and b share no feature, yet both lie on the first singular direction
        assertThat(s.cosine(0, 1)).isCloseTo(1.0, within(1e-6));
        assertThat(s.cosine(0, 2)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void foldInOfAStoredRowIsItsEmbedding() {
        LatentSpace s = abc(2);
        // dot products of row c = (1, 1) with a, b, c
        float[] z = s.foldIn(new double[] {2, 1, 2});
        double[] out = new double[3];
        s.cosines(z, 1.0, out);
        assertThat(out[2]).isCloseTo(1.0, within(1e-6));
        assertThat(out[0]).isCloseTo(Math.sqrt(0.5), within(1e-6));
        for (int j = 0; j < s.rank; j++) {
            assertThat((double) z[j]).isCloseTo(s.unit[2 * s.rank + j] * s.norm[2], within(1e-5));
        }
    }

    @Test
    void isDeterministicAndIgnoresEmptyMatrices() {
        assertThat(abc(2).unit).containsExactly(abc(2).unit);
        LatentSpace empty = new LatentSpace(2, new int[] {0, 0}, new int[0], new float[0], 10, 1);
        assertThat(empty.rank).isZero();
        assertThat(empty.cosine(0, 1)).isZero();
        double[] out = new double[2];
        empty.cosines(empty.foldIn(new double[] {1, 1}), 1.0, out);
        assertThat(out).containsExactly(0, 0);
    }

    @Test
    void jacobiFindsTheEigenvalues() {
        double[][] a = {{2, 1, 0}, {1, 2, 0}, {0, 0, 5}};
        double[][] v = new double[3][3];
        double[] val = LatentSpace.jacobi(a, v);
        assertThat(java.util.Arrays.stream(val).sorted().toArray()).containsExactly(new double[] {1, 3, 5}, within(1e-12));
        // the eigenvector of 3 is (1, 1, 0) / √2
        int i3 = Math.abs(val[0] - 3) < 1e-9 ? 0 : Math.abs(val[1] - 3) < 1e-9 ? 1 : 2;
        assertThat(Math.abs(v[0][i3])).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(v[0][i3]).isCloseTo(v[1][i3], within(1e-12));
    }

    @Test
    void orthonormalizeDropsDependentColumns() {
        double[][] q = LatentSpace.orthonormalize(new double[][] {{3, 0, 0}, {6, 0, 0}, {1, 2, 0}}, 2);
        assertThat(q).hasNumberOfRows(2);
        assertThat(q[0]).containsExactly(new double[] {1, 0, 0}, within(1e-12));
        assertThat(q[1]).containsExactly(new double[] {0, 1, 0}, within(1e-12));
    }
}
