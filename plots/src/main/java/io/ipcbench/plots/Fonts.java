package io.ipcbench.plots;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Checks, before any chart is drawn, that Java can draw text here. A headless JDK on a bare box
 * (no fontconfig, no fonts) fails deep inside AWT with an error that names neither; this turns it
 * into one message that says what to install.
 */
public final class Fonts {
    /** What to install on Debian or Ubuntu. */
    public static final String PACKAGES = "fontconfig fonts-dejavu-core";

    private Fonts() {
    }

    /** Drawing text failed for want of fonts. */
    public static final class MissingFontsException extends RuntimeException {
        public MissingFontsException(Throwable cause) {
            super("cannot draw chart text: Java found no usable fonts (" + describe(cause) + "). Install them, e.g. "
                    + "`sudo apt-get install -y " + PACKAGES + "` on Debian or Ubuntu, and run the plot again", cause);
        }
    }

    /** Makes AWT headless (charts are drawn to files, never to a screen); call before any AWT class loads. */
    public static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * Draws and measures a line of text off screen.
     *
     * @throws MissingFontsException when that fails
     */
    public static void check() {
        check(Fonts::drawSomeText);
    }

    /** {@link #check()} with the drawing step given, so the failure path can be tested. */
    static void check(Runnable drawText) {
        try {
            drawText.run();
        } catch (RuntimeException | LinkageError e) {
            throw new MissingFontsException(e);
        } catch (Error e) {
            // AWT reports a missing font set as java.lang.Error ("Probable fatal error: No fonts found")
            // or InternalError from its font manager; anything else (out of memory) is not ours to rename.
            if (mentionsFonts(e)) {
                throw new MissingFontsException(e);
            }
            throw e;
        }
    }

    private static boolean mentionsFonts(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("font")) {
                return true;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                String name = frame.getClassName();
                if (name.startsWith("sun.font.") || name.startsWith("java.awt.Font")
                        || (name.startsWith("sun.awt.") && name.contains("Font"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void drawSomeText() {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            graphics.drawString("p99 µs", 2, 20);
            if (graphics.getFontMetrics().stringWidth("p99 µs") <= 0) {
                throw new IllegalStateException("text has no width");
            }
        } finally {
            graphics.dispose();
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().strip().replaceAll("\\.+$", "");
        return root.getClass().getSimpleName() + message;
    }
}
