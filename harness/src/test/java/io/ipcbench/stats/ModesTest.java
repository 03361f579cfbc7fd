package io.ipcbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ModesTest {
    private static String micros(double nanos) {
        return String.format(Locale.ROOT, "%.1f µs", nanos);
    }

    @Test
    void repetitionsInTwoWakeUpModesAreTwoModes() {
        List<Modes.Mode> modes = Modes.of(new double[] {33.2, 32.7, 28.4, 27.5, 27.6, 27.2});
        assertEquals(2, modes.size());
        assertEquals(4, modes.get(0).count());
        assertEquals(27.55, modes.get(0).center(), 1e-9);
        assertEquals(2, modes.get(1).count());
        assertEquals("bimodal: 4 of 6 repetitions near 27.6 µs, 2 near 33.0 µs",
                Modes.describe(modes, ModesTest::micros));
    }

    @Test
    void repetitionsAFewPercentApartAreOneMode() {
        List<Modes.Mode> modes = Modes.of(new double[] {10.0, 10.4, 10.9, 11.5, 12.1});
        assertEquals(1, modes.size());
        assertEquals(5, modes.get(0).count());
        assertNull(Modes.describe(modes, ModesTest::micros));
    }

    @Test
    void threeModes() {
        List<Modes.Mode> modes = Modes.of(new double[] {20, 20.5, 28, 28.4, 33, 33.3});
        assertEquals(3, modes.size());
        assertEquals("3 modes: 2 of 6 repetitions near 20.3 µs, 2 near 28.2 µs, 2 near 33.2 µs",
                Modes.describe(modes, ModesTest::micros));
    }

    @Test
    void valuesAllApartAreScatterNotModes() {
        assertEquals(1, Modes.of(new double[] {2023, 2545, 3076}).size());
    }

    @Test
    void twoValuesAreNeverSplit() {
        assertEquals(1, Modes.of(new double[] {10, 30}).size());
        assertEquals(List.of(), Modes.of(new double[0]));
    }
}
