package io.ipcbench.gate;

import java.util.Arrays;

/**
 * The Mann-Whitney U (Wilcoxon rank-sum) test of whether candidate values tend to be larger, or
 * smaller, than baseline values. It assumes nothing about the shape of the distribution, which
 * matters for tail latencies. p-values use the normal approximation with the correction for ties
 * (per-interval percentiles from HdrHistogram are quantised, so ties are common) and a continuity
 * correction.
 */
public final class MannWhitneyU {
    private MannWhitneyU() {
    }

    /**
     * @param u        the U statistic of the candidate: pairs where the candidate value is larger, ties counted half
     * @param z        the standardised U (0 when every value ties)
     * @param pGreater one-sided p-value of "candidate values tend to be larger"
     * @param pLess    one-sided p-value of "candidate values tend to be smaller"
     */
    public record Result(double u, double z, double pGreater, double pLess) {
    }

    /** Tests {@code candidate} against {@code baseline}; both need at least one value. */
    public static Result test(double[] baseline, double[] candidate) {
        int nb = baseline.length;
        int nc = candidate.length;
        if (nb == 0 || nc == 0) {
            throw new IllegalArgumentException("the Mann-Whitney U test needs values on both sides");
        }
        int n = nb + nc;
        double[][] pooled = new double[n][];
        for (int i = 0; i < nb; i++) {
            pooled[i] = new double[] {baseline[i], 0};
        }
        for (int i = 0; i < nc; i++) {
            pooled[nb + i] = new double[] {candidate[i], 1};
        }
        Arrays.sort(pooled, (a, b) -> Double.compare(a[0], b[0]));

        double candidateRankSum = 0;
        double tieTerm = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && pooled[end + 1][0] == pooled[start][0]) {
                end++;
            }
            // Ranks are 1-based; tied values share the mean of the ranks they span.
            double rank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                if (pooled[i][1] == 1) {
                    candidateRankSum += rank;
                }
            }
            double ties = end - start + 1;
            tieTerm += ties * ties * ties - ties;
            start = end + 1;
        }

        double u = candidateRankSum - nc * (nc + 1) / 2.0;
        double mean = nb * (double) nc / 2.0;
        double variance = nb * (double) nc / 12.0 * ((n + 1) - tieTerm / (n * (double) (n - 1)));
        if (variance <= 0) {
            // Every value is the same: no evidence either way.
            return new Result(u, 0, 1, 1);
        }
        double sd = Math.sqrt(variance);
        double z = (u - mean) / sd;
        double pGreater = 1 - NormalDistribution.cdf((u - mean - 0.5) / sd);
        double pLess = NormalDistribution.cdf((u - mean + 0.5) / sd);
        return new Result(u, z, Math.min(1, pGreater), Math.min(1, pLess));
    }
}
