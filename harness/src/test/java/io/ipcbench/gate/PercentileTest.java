package io.ipcbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PercentileTest {
    @Test
    void parsesTheUsualNames() {
        assertEquals(new Percentile("p99", 99), Percentile.parse("p99"));
        assertEquals(new Percentile("p50", 50), Percentile.parse("P50"));
        assertEquals(new Percentile("p50", 50), Percentile.parse("median"));
        assertEquals(new Percentile("p99.9", 99.9), Percentile.parse("p99.9"));
        assertEquals(new Percentile("p90", 90), Percentile.parse(" p90 "));
    }

    @Test
    void readsRunJsonFieldNames() {
        assertEquals(99.9, Percentile.parse("p999").percentile(), 1e-12);
        assertEquals(99.99, Percentile.parse("p9999").percentile(), 1e-12);
    }

    @Test
    void rejectsWhatIsNotAPercentile() {
        for (String bad : new String[] {"p100", "p0", "99", "max", "p", "p-1", ""}) {
            assertThrows(IllegalArgumentException.class, () -> Percentile.parse(bad), bad);
        }
    }

    @Test
    void minimumCountIsWhereThePercentileIsNoLongerTheMaximum() {
        assertEquals(100, Percentile.parse("p99").minimumCount());
        assertEquals(1_000, Percentile.parse("p99.9").minimumCount());
        assertEquals(10_000, Percentile.parse("p99.99").minimumCount());
        assertEquals(10, Percentile.parse("p90").minimumCount());
        assertEquals(2, Percentile.parse("p50").minimumCount());
    }

    @Test
    void valueOfReadsTheHistogram() {
        Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        for (int i = 1; i <= 1_000; i++) {
            histogram.recordValue(i * 1_000L);
        }
        assertEquals(histogram.getValueAtPercentile(99), Percentile.P99.valueOf(histogram));
        assertEquals(990_000, Percentile.P99.valueOf(histogram), 990_000 * 0.001);
    }
}
