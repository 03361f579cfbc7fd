package io.ipcbench.plots;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class FontsTest {
    @Test
    void aMissingFontSetGivesOneMessageNamingTheDebianPackages() {
        Fonts.MissingFontsException e = assertThrows(Fonts.MissingFontsException.class,
                () -> Fonts.check(() -> {
                    throw new Error("Probable fatal error: No fonts found.");
                }));

        assertTrue(e.getMessage().contains("fontconfig") && e.getMessage().contains("fonts-dejavu-core"), e.getMessage());
        assertTrue(e.getMessage().contains("No fonts found"), "names what Java said");
    }

    @Test
    void aFontManagerThatCannotStartIsAMissingFontSetToo() {
        assertThrows(Fonts.MissingFontsException.class, () -> Fonts.check(() -> {
            throw new NullPointerException("Cannot load from short array because sun.awt.FontConfiguration.head is null");
        }));
        assertThrows(Fonts.MissingFontsException.class, () -> Fonts.check(() -> {
            throw new UnsatisfiedLinkError("libfontmanager.so: libfreetype.so.6: cannot open shared object file");
        }));
    }

    @Test
    void otherErrorsAreNotRenamed() {
        assertThrows(OutOfMemoryError.class, () -> Fonts.check(() -> {
            throw new OutOfMemoryError("Java heap space");
        }));
    }

    @Test
    void thisBoxCanDrawText() {
        Fonts.headless();
        assertDoesNotThrow(() -> Fonts.check());
    }
}
