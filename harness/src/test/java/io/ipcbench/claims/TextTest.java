package io.ipcbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The judge's settings and the wording of its numbers. */
@Timeout(30)
class TextTest {
    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ClaimSettings(1.0, 3));
        assertThrows(IllegalArgumentException.class, () -> new ClaimSettings(0.95, 1));
        assertEquals(3, ClaimSettings.defaults().minRepetitions());
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
        assertEquals("95%", Text.percent(0.95));
        assertEquals("99.2%", Text.percent(0.991666));
    }
}
