package io.ipcbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MediansTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, Medians.median(new double[] {5, 3, 1}));
        assertEquals(2.5, Medians.median(new double[] {4, 1, 3, 2}));
        assertEquals(7, Medians.median(new double[] {7}));
    }

    @Test
    void medianDoesNotSortTheCallersArray() {
        double[] values = {5, 3, 1};
        Medians.median(values);
        assertEquals(5, values[0]);
    }

    /** Expected values from numpy.quantile (its default is the same type 7). */
    @Test
    void quantilesInterpolateLikeNumpy() {
        double[] sorted = {3, 1, 4, 1, 5, 9, 2, 6};
        Arrays.sort(sorted);
        assertEquals(1.0, Medians.quantileOfSorted(sorted, 0));
        assertEquals(1.0, Medians.quantileOfSorted(sorted, 0.005), 1e-12);
        assertEquals(1.75, Medians.quantileOfSorted(sorted, 0.25), 1e-12);
        assertEquals(3.5, Medians.quantileOfSorted(sorted, 0.5), 1e-12);
        assertEquals(6.9, Medians.quantileOfSorted(sorted, 0.9), 1e-12);
        assertEquals(8.895, Medians.quantileOfSorted(sorted, 0.995), 1e-12);
        assertEquals(9.0, Medians.quantileOfSorted(sorted, 1));
    }

    @Test
    void rejectsEmptyInputAndBadQuantiles() {
        assertThrows(IllegalArgumentException.class, () -> Medians.median(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Medians.quantileOfSorted(new double[] {1}, 1.5));
    }
}
