package io.ipcbench.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ipcbench.config.Percent;

/** Sizes and durations as people type them: {@code 64}, {@code 16k}, {@code 1MiB}; {@code 500ms}, {@code 10s}. */
final class Units {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min)");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ns|us|µs|ms|s)");

    private Units() {
    }

    /** Bytes; k and m are binary (1k = 1,024 B), as message sizes usually are. */
    static int parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (try 64, 16k or 1m)");
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long bytes = switch (unit.charAt(0)) {
            case 'k' -> value << 10;
            case 'm' -> value << 20;
            default -> value;
        };
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return (int) bytes;
    }

    /** Milliseconds. */
    static long parseMillis(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (try 500ms, 10s or 2m)");
        }
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> value;
            case "s" -> value * 1_000;
            default -> value * 60_000;
        };
    }

    /** Nanoseconds, from a short duration: {@code 100us} (or {@code 100µs}), {@code 2ms}, {@code 500ns}. */
    static long parseNanos(String text) {
        Matcher m = SHORT_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (try 100us, 2ms or 500ns)");
        }
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> value;
            case "us", "µs" -> value * 1_000;
            case "ms" -> value * 1_000_000;
            default -> value * 1_000_000_000;
        };
    }

    /** Whole microseconds, from a short duration: {@code 100us} (or {@code 100µs}), {@code 2ms}. */
    static long parseMicros(String text) {
        long nanos = parseNanos(text);
        if (nanos % 1_000 != 0) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of microseconds (try 100us or 2ms)");
        }
        return nanos / 1_000;
    }

    /** A percentage: {@code 0.1%}. */
    static double parsePercent(String text) {
        double percent = Percent.parse(text);
        if (Double.isNaN(percent)) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage (try 0.1%)");
        }
        return percent;
    }

    static boolean isDuration(String text) {
        return DURATION.matcher(text.trim().toLowerCase(Locale.ROOT)).matches();
    }

    /** A count: {@code 100000}, {@code 100k}, {@code 1m} (decimal: 1k = 1,000). */
    static long parseCount(String text) {
        Matcher m = Pattern.compile("(\\d+)\\s*([km])?").matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a count or a duration (try 100000, 100k or 10s)");
        }
        long value = Long.parseLong(m.group(1));
        return m.group(2) == null ? value : m.group(2).equals("k") ? value * 1_000 : value * 1_000_000;
    }
}
