package io.ipcbench.gate;

/** The standard normal distribution's cumulative distribution function, for the Mann-Whitney approximation. */
public final class NormalDistribution {
    private NormalDistribution() {
    }

    /** P(Z &lt;= z) for a standard normal Z; relative error below 1.2e-7 in both tails. */
    public static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2.0));
    }

    /**
     * The complementary error function, by the Chebyshev fit in Numerical Recipes (erfcc). Its error
     * is relative, so tail probabilities far below the significance levels used here stay accurate.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double answer = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? answer : 2.0 - answer;
    }
}
