package io.ipcbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The statistics and the wording under the verdicts. */
@Timeout(30)
class StatsTest {
    @Test
    void mediansOfOddAndEvenCounts() {
        assertEquals(2.0, Stats.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void theIntervalCoversTheTrueRatioAndIsReproducible() {
        double[] a = new double[40];
        double[] b = new double[40];
        for (int i = 0; i < 40; i++) {
            a[i] = 50 + (i % 7);
            b[i] = 100 + 2 * (i % 7);
        }
        Stats.Interval first = Stats.ratioOfMedians(a, b, 0.95, 2_000, 42);
        assertEquals(0.5, first.estimate(), 1e-9);
        assertTrue(first.lower() <= 0.5 && first.upper() >= 0.5, first.toString());
        assertTrue(first.below1());
        assertEquals(first, Stats.ratioOfMedians(a, b, 0.95, 2_000, 42), "same seed, same interval");
    }

    @Test
    void identicalSamplesStraddleOne() {
        double[] a = {10, 11, 12, 13, 14, 15};
        Stats.Interval interval = Stats.ratioOfMedians(a, a.clone(), 0.95, 2_000, 1);
        assertTrue(!interval.below1() && !interval.above1(), interval.toString());
    }

    @Test
    void aRatioNeedsAPositiveReference() {
        assertThrows(IllegalArgumentException.class,
                () -> Stats.ratioOfMedians(new double[] {1}, new double[] {0}, 0.95, 200, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Stats.ratioOfMedians(new double[0], new double[] {1}, 0.95, 200, 1));
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ClaimSettings(1, 10, 0.95, 5));
        assertThrows(IllegalArgumentException.class, () -> new ClaimSettings(1, 2_000, 1.0, 5));
        assertThrows(IllegalArgumentException.class, () -> new ClaimSettings(1, 2_000, 0.95, 1));
    }

    @Test
    void listsAndNumbersReadAsText() {
        assertEquals("a", Text.list(List.of("a")));
        assertEquals("a and b", Text.list(List.of("a", "b")));
        assertEquals("1, 2, 3, 4, 5 and 3 more", Text.list(List.of("1", "2", "3", "4", "5", "6", "7", "8")));
        assertEquals("0.62", Text.ratio(0.6234));
        assertEquals("12.4", Text.ratio(12.44));
        assertEquals("4000", Text.ratio(4000.2));
        assertEquals("8.84 µs", Text.nanos(8_840));
        assertEquals("40.0 ms", Text.nanos(40_000_000));
    }
}
