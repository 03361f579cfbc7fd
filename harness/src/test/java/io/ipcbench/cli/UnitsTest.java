package io.ipcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void sizesAreBinary() {
        assertEquals(64, Units.parseSize("64"));
        assertEquals(16_384, Units.parseSize("16k"));
        assertEquals(16_384, Units.parseSize("16KiB"));
        assertEquals(1 << 20, Units.parseSize("1m"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseSize("1g"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseSize("4096m"));
    }

    @Test
    void durationsAndCounts() {
        assertEquals(500, Units.parseMillis("500ms"));
        assertEquals(10_000, Units.parseMillis("10s"));
        assertEquals(120_000, Units.parseMillis("2m"));
        assertEquals(100_000, Units.parseCount("100k"));
        assertEquals(2_000_000, Units.parseCount("2m"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseMillis("10"));
    }
}
