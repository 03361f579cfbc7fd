package io.ipcbench.claims;

import java.util.List;
import java.util.Locale;

import io.ipcbench.results.SummaryTable;

/** How the judge writes numbers and lists, the same in run.json, claims.md and the console. */
final class Text {
    /** Lists longer than this are cut in a one-sentence summary. */
    private static final int LIST_LIMIT = 6;

    private Text() {
    }

    /** "0.62", "12.4", "4000". */
    static String ratio(double value) {
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, format, value);
    }

    /** "95%", "99.2%": a confidence as people write it. */
    static String percent(double fraction) {
        double percent = fraction * 100;
        return (Math.abs(percent - Math.rint(percent)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", percent)
                : String.format(Locale.ROOT, "%.1f", percent)) + "%";
    }

    /** "0.58–0.66". */
    static String range(double lower, double upper) {
        return ratio(lower) + "–" + ratio(upper);
    }

    /** Nanoseconds in the unit that reads best: "840 ns", "8.84 µs", "40.1 ms". */
    static String nanos(double nanos) {
        if (nanos >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        if (nanos >= 1e6) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        if (nanos >= 1e3) {
            return String.format(Locale.ROOT, "%.2f µs", nanos / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ns", nanos);
    }

    /** Bytes per second in decimal units: "6.60 GB/s", "75.0 MB/s". */
    static String bytesPerSec(double value) {
        if (value >= 1e9) {
            return String.format(Locale.ROOT, "%.2f GB/s", value / 1e9);
        }
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.1f MB/s", value / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kB/s", value / 1e3);
    }

    /** Events per second: "123.4k/s", "1.23M/s". */
    static String perSec(double value) {
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM/s", value / 1e6);
        }
        if (value >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk/s", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f/s", value);
    }

    /** "64 B", "16 KiB". */
    static String size(int bytes) {
        return SummaryTable.size(bytes);
    }

    /** "1,440". */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** "1 connection", "64 connections". */
    static String connections(int count) {
        return count + (count == 1 ? " connection" : " connections");
    }

    /** "a, b and c", with a long list cut to its first few and a count of the rest. */
    static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        List<String> shown = items.size() > LIST_LIMIT ? items.subList(0, LIST_LIMIT - 1) : items;
        String rest = items.size() > LIST_LIMIT ? (items.size() - shown.size()) + " more" : null;
        if (rest == null && shown.size() == 1) {
            return shown.get(0);
        }
        if (rest == null) {
            return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
        }
        return String.join(", ", shown) + " and " + rest;
    }
}
