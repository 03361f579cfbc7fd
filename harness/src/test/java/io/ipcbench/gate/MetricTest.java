package io.ipcbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MetricTest {
    @Test
    void parsesTheUsualNames() {
        assertEquals(new Metric("p99", 99), Metric.parse("p99"));
        assertEquals(new Metric("p50", 50), Metric.parse("P50"));
        assertEquals(new Metric("p50", 50), Metric.parse("median"));
        assertEquals(new Metric("p99.9", 99.9), Metric.parse("p99.9"));
        assertEquals(new Metric("p90", 90), Metric.parse(" p90 "));
    }

    @Test
    void readsRunJsonFieldNames() {
        assertEquals(99.9, Metric.parse("p999").percentile(), 1e-12);
        assertEquals(99.99, Metric.parse("p9999").percentile(), 1e-12);
    }

    @Test
    void rejectsWhatIsNotAPercentile() {
        for (String bad : new String[] {"p100", "p0", "99", "max", "p", "p-1", ""}) {
            assertThrows(IllegalArgumentException.class, () -> Metric.parse(bad), bad);
        }
    }

    @Test
    void minimumCountIsWhereThePercentileIsNoLongerTheMaximum() {
        assertEquals(100, Metric.parse("p99").minimumCount());
        assertEquals(1_000, Metric.parse("p99.9").minimumCount());
        assertEquals(10_000, Metric.parse("p99.99").minimumCount());
        assertEquals(10, Metric.parse("p90").minimumCount());
        assertEquals(2, Metric.parse("p50").minimumCount());
    }

    @Test
    void valueOfReadsTheHistogram() {
        Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        for (int i = 1; i <= 1_000; i++) {
            histogram.recordValue(i * 1_000L);
        }
        assertEquals(histogram.getValueAtPercentile(99), Metric.P99.valueOf(histogram));
        assertEquals(990_000, Metric.P99.valueOf(histogram), 990_000 * 0.001);
    }
}
