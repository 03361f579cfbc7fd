package io.ipcbench.gate;

import java.util.Locale;

/** How the gate writes its figures, the same in the table and the Markdown. */
final class Format {
    private Format() {
    }

    /** "+12.3%", "-4.0%", or "-" for an unknown change. */
    static String percent(Double fraction) {
        return fraction == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** "+1.2% .. +9.9%", or "-". */
    static String interval(Double low, Double high) {
        return low == null || high == null ? "-" : percent(low) + " .. " + percent(high);
    }

    /** Nanoseconds as microseconds, "14.21", or "-". */
    static String micros(Double nanos) {
        return nanos == null ? "-" : String.format(Locale.ROOT, "%.2f", nanos / 1_000.0);
    }

    /** "0.0032", "<0.0001", or "-". */
    static String pValue(Double p) {
        if (p == null) {
            return "-";
        }
        return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** "12%", "2.5%". */
    static String threshold(double fraction) {
        double percent = fraction * 100;
        return (Math.abs(percent - Math.rint(percent)) < 1e-9 ? Long.toString(Math.round(percent))
                : String.format(Locale.ROOT, "%.2f", percent)) + "%";
    }

    /** "99%", "99.9%". */
    static String confidence(double fraction) {
        double percent = fraction * 100;
        return (Math.abs(percent - Math.rint(percent)) < 1e-9 ? Long.toString(Math.round(percent))
                : String.format(Locale.ROOT, "%.4g", percent)) + "%";
    }

    /** "20/20". */
    static String samples(CellComparison cell) {
        return cell.baseline().samples() + "/" + cell.candidate().samples();
    }
}
