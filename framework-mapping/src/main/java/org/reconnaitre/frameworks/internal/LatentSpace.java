package org.reconnaitre.frameworks.internal;

import java.util.Arrays;
import java.util.Random;

/**
 * Latent semantic smoothing (LSA) of a sparse occupation × feature matrix {@code A}: the rank-k
 * truncated SVD {@code A ≈ U Σ Vᵀ}, computed by subspace iteration on the Gram operator
 * {@code A·Aᵀ} (applied through the feature postings, never materialised), then a Jacobi
 * eigen-decomposition of the small projected matrix. Each occupation keeps its embedding
 * {@code U_i Σ} as a unit vector (k floats) and its length; the latent similarity of two
 * occupations is the cosine of their embeddings, which lets occupations meet through features
 * that co-occur on other occupations.
 * When {@code k} is at least the rank of {@code A} the latent cosine equals the plain cosine.
 *
 * <p>Deterministic (fixed seed), immutable once built and safe to query from many threads.
 * Internal.
 */
final class LatentSpace {
    /** Columns beyond the requested rank carried through the subspace iteration. */
    static final int OVERSAMPLE = 20;
    /** Applications of A·Aᵀ (each followed by re-orthonormalisation) before the Rayleigh-Ritz step. */
    static final int ITERATIONS = 3;

    final int n;
    /** Effective rank (≤ requested, ≤ rank of A). */
    final int rank;
    /** Row-major n × rank: the rows of U Σ scaled to unit length (zero rows stay zero). */
    final float[] unit;
    /** Length of each row of U Σ. */
    final double[] norm;
    /** σ² per latent dimension, descending. */
    final double[] lambda;

    /**
     * @param n occupations (rows)
     * @param pStart feature postings offsets (features + 1)
     * @param pOcc occupation of each posting
     * @param pW weight of each posting
     * @param k requested rank
     */
    LatentSpace(int n, int[] pStart, int[] pOcc, float[] pW, int k, long seed) {
        this.n = n;
        int features = pStart.length - 1;
        int used = 0;
        for (int f = 0; f < features; f++) {
            if (pStart[f + 1] > pStart[f]) {
                used++;
            }
        }
        int l = Math.min(Math.max(0, k) + OVERSAMPLE, Math.min(n, used));
        double[][] q = new double[l][n];
        Random rnd = new Random(seed);
        for (double[] col : q) {
            for (int i = 0; i < n; i++) {
                col[i] = rnd.nextGaussian();
            }
        }
        q = orthonormalize(q, 1);
        for (int it = 0; it < ITERATIONS; it++) {
            q = orthonormalize(gram(q, pStart, pOcc, pW), it + 1 < ITERATIONS ? 1 : 2);
        }
        l = q.length;
        double[][] y = gram(q, pStart, pOcc, pW);
        double[][] c = new double[l][l];
        for (int a = 0; a < l; a++) {
            for (int b = a; b < l; b++) {
                double s = dot(q[a], y[b]); // Qᵀ A Aᵀ Q is symmetric
                c[a][b] = s;
                c[b][a] = s;
            }
        }
        double[][] vec = new double[l][l];
        double[] val = jacobi(c, vec);
        Integer[] order = new Integer[l];
        for (int i = 0; i < l; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(val[b], val[a]));
        double max = l == 0 ? 0 : Math.max(0, val[order[0]]);
        int r = 0;
        while (r < Math.min(k, l) && val[order[r]] > 1e-10 * max && val[order[r]] > 0) {
            r++;
        }
        rank = r;
        lambda = new double[r];
        unit = new float[n * r];
        norm = new double[n];
        // row j of vt: eigenvector order[j] scaled by σ_j, so that (U Σ)_ij = Σ_a q[a][i] · vt[j][a]
        double[][] vt = new double[r][l];
        for (int j = 0; j < r; j++) {
            double sigma = Math.sqrt(val[order[j]]);
            for (int a = 0; a < l; a++) {
                vt[j][a] = vec[a][order[j]] * sigma;
            }
        }
        double[] row = new double[r];
        double[] qi = new double[l];
        for (int i = 0; i < n; i++) {
            double nn = 0;
            for (int a = 0; a < l; a++) {
                qi[a] = q[a][i];
            }
            for (int j = 0; j < r; j++) {
                row[j] = dot(qi, vt[j]);
            }
            for (int j = 0; j < r; j++) {
                nn += row[j] * row[j];
            }
            norm[i] = Math.sqrt(nn);
            for (int j = 0; j < r && nn > 0; j++) {
                unit[i * r + j] = (float) (row[j] / norm[i]);
            }
        }
        for (int j = 0; j < r; j++) {
            lambda[j] = val[order[j]];
        }
    }

    /** @return the latent cosine of two occupations (0 when either embedding is zero) */
    double cosine(int a, int b) {
        return dot(unit, a * rank, unit, b * rank, rank);
    }

    /**
     * The embedding of an arbitrary row {@code a} (fold-in), from its raw dot products with every
     * occupation's row ({@code dots[i] = a · A_i}): {@code a V = Σ⁻¹ Uᵀ (A a) = Σ⁻² (UΣ)ᵀ (A a)}.
     */
    float[] foldIn(double[] dots) {
        double[] acc = new double[rank];
        for (int i = 0; i < n; i++) {
            if (dots[i] != 0 && norm[i] != 0) {
                double w = dots[i] * norm[i];
                int x = i * rank;
                for (int j = 0; j < rank; j++) {
                    acc[j] += w * unit[x + j];
                }
            }
        }
        float[] z = new float[rank];
        for (int j = 0; j < rank; j++) {
            z[j] = (float) (acc[j] / lambda[j]);
        }
        return z;
    }

    /** Adds {@code weight} × the latent cosine of embedding {@code z} with every occupation to {@code out}. */
    void cosines(float[] z, double weight, double[] out) {
        double nz = 0;
        for (float x : z) {
            nz += (double) x * x;
        }
        if (nz == 0 || weight == 0) {
            return;
        }
        float[] u = new float[rank];
        for (int j = 0; j < rank; j++) {
            u[j] = (float) (z[j] / Math.sqrt(nz));
        }
        for (int i = 0; i < n; i++) {
            out[i] += weight * dot(u, 0, unit, i * rank, rank);
        }
    }

    /** Dot product of two float runs, with four independent accumulators (the hot loop of a query). */
    private static double dot(float[] a, int x, float[] b, int y, int len) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < len; j += 4) {
            s0 += a[x + j] * b[y + j];
            s1 += a[x + j + 1] * b[y + j + 1];
            s2 += a[x + j + 2] * b[y + j + 2];
            s3 += a[x + j + 3] * b[y + j + 3];
        }
        for (; j < len; j++) {
            s0 += a[x + j] * b[y + j];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    /**
     * Y = A Aᵀ Q for column-major Q (columns of length n), through the postings; works on a
     * row-major copy so that the inner loops run over contiguous latent vectors.
     */
    private static double[][] gram(double[][] q, int[] pStart, int[] pOcc, float[] pW) {
        int l = q.length;
        int n = l == 0 ? 0 : q[0].length;
        double[] rq = new double[n * l];
        for (int j = 0; j < l; j++) {
            double[] col = q[j];
            for (int i = 0; i < n; i++) {
                rq[i * l + j] = col[i];
            }
        }
        double[] ry = new double[n * l];
        double[] z = new double[l];
        for (int f = 0; f + 1 < pStart.length; f++) {
            int s = pStart[f];
            int e = pStart[f + 1];
            if (s == e) {
                continue;
            }
            Arrays.fill(z, 0);
            for (int p = s; p < e; p++) {
                double w = pW[p];
                int at = pOcc[p] * l;
                for (int j = 0; j < l; j++) {
                    z[j] += w * rq[at + j];
                }
            }
            for (int p = s; p < e; p++) {
                double w = pW[p];
                int at = pOcc[p] * l;
                for (int j = 0; j < l; j++) {
                    ry[at + j] += w * z[j];
                }
            }
        }
        double[][] y = new double[l][n];
        for (int j = 0; j < l; j++) {
            double[] col = y[j];
            for (int i = 0; i < n; i++) {
                col[i] = ry[i * l + j];
            }
        }
        return y;
    }

    /**
     * Modified Gram-Schmidt ({@code passes} times: twice gives orthogonality to working precision);
     * columns that vanish (rank deficiency) are dropped.
     */
    static double[][] orthonormalize(double[][] cols, int passes) {
        double[][] out = new double[cols.length][];
        int m = 0;
        for (double[] c0 : cols) {
            double[] c = c0.clone();
            double before = Math.sqrt(dot(c, c));
            for (int pass = 0; pass < passes; pass++) {
                for (int j = 0; j < m; j++) {
                    double s = dot(out[j], c);
                    double[] o = out[j];
                    for (int i = 0; i < c.length; i++) {
                        c[i] -= s * o[i];
                    }
                }
            }
            double after = Math.sqrt(dot(c, c));
            if (before == 0 || after <= 1e-9 * before) {
                continue;
            }
            for (int i = 0; i < c.length; i++) {
                c[i] /= after;
            }
            out[m++] = c;
        }
        return Arrays.copyOf(out, m);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Cyclic Jacobi eigen-decomposition of a symmetric matrix (destroyed).
     *
     * @param vec receives the eigenvectors as columns
     * @return the eigenvalues
     */
    static double[] jacobi(double[][] a, double[][] vec) {
        int l = a.length;
        for (int i = 0; i < l; i++) {
            Arrays.fill(vec[i], 0);
            vec[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < l; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < l; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-22 * Math.max(diag, Double.MIN_NORMAL)) {
                break;
            }
            for (int p = 0; p < l; p++) {
                for (int r = p + 1; r < l; r++) {
                    double apq = a[p][r];
                    if (Math.abs(apq) <= 1e-300) {
                        continue;
                    }
                    double theta = (a[r][r] - a[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < l; k++) {
                        double akp = a[k][p];
                        double akq = a[k][r];
                        a[k][p] = c * akp - s * akq;
                        a[k][r] = s * akp + c * akq;
                    }
                    for (int k = 0; k < l; k++) {
                        double apk = a[p][k];
                        double aqk = a[r][k];
                        a[p][k] = c * apk - s * aqk;
                        a[r][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < l; k++) {
                        double vkp = vec[k][p];
                        double vkq = vec[k][r];
                        vec[k][p] = c * vkp - s * vkq;
                        vec[k][r] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] val = new double[l];
        for (int i = 0; i < l; i++) {
            val[i] = a[i][i];
        }
        return val;
    }
}
