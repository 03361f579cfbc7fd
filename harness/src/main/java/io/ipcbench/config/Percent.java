package io.ipcbench.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A percentage as the command line and run.json write it: {@code 25%}, {@code 12.5%}, {@code 0.1%}. */
public final class Percent {
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    private Percent() {
    }

    /** The number before the sign ({@code 12.5} for {@code 12.5%}), or NaN when the text is not a percentage. */
    public static double parse(String text) {
        Matcher m = PERCENT.matcher(text == null ? "" : text.trim());
        return m.matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
