package io.ipcbench.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Corrections for asking the same question of many comparisons. Asked of 36 comparisons at 5%
 * each, "does any of them show an effect?" is answered yes by noise alone most of the time; these
 * keep the chance of any false "yes" at the level asked for.
 */
public final class MultipleComparisons {
    private MultipleComparisons() {
    }

    /**
     * Holm's step-down adjustment: the adjusted p-values, in the order given. A comparison is
     * significant at level alpha when its adjusted p-value is below alpha; the chance that any is
     * falsely significant stays at most alpha, whatever the dependence between them. Uniformly
     * more powerful than Bonferroni.
     */
    public static double[] holm(double[] pValues) {
        int k = pValues.length;
        Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[k];
        double running = 0;
        for (int rank = 0; rank < k; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (k - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /**
     * Bonferroni's confidence for each of {@code comparisons} intervals, so that all of them hold
     * together with {@code confidence}: 1 - (1 - confidence) / k. Used where an interval is shown
     * for each comparison and the verdict needs only one of them.
     */
    public static double bonferroniConfidence(double confidence, int comparisons) {
        if (comparisons < 1) {
            throw new IllegalArgumentException("at least one comparison is needed");
        }
        return 1 - (1 - confidence) / comparisons;
    }
}
