package io.ipcbench.gate;

import java.util.List;
import java.util.Locale;

/** How the gate writes its figures, the same in the table and the Markdown. */
final class Format {
    private static final int LISTED_RUNS = 3;

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

    /** Repetitions, candidate and baseline: "5/60". */
    static String repetitions(CellComparison cell) {
        return cell.candidate().repetitions() + "/" + cell.baseline().repetitions();
    }

    /** The baseline's centre and the range of its runs: "10.53 (10.20–11.00)", or the centre alone for one run. */
    static String baseline(CellComparison.Baseline baseline) {
        if (baseline.lowNs() == null || baseline.runs() < 2) {
            return micros(baseline.centreNs());
        }
        return micros(baseline.centreNs()) + " (" + micros(baseline.lowNs()) + "–" + micros(baseline.highNs()) + ")";
    }

    /**
     * The box canary over the whole candidate run against the baseline's, in one sentence, or null:
     * "the box itself changed by +12.0% during the candidate run (box canary 31.00 µs against 27.70 µs,
     * baseline runs 26.00–29.50 µs)".
     */
    static String box(GateReport.BoxChange box) {
        if (box == null) {
            return null;
        }
        String range = box.runs() < 2 ? "" : String.format(Locale.ROOT, ", baseline runs %s–%s µs",
                micros(box.lowNs()), micros(box.highNs()));
        return String.format(Locale.ROOT, "the box itself changed by %s during the candidate run (box canary %s µs "
                + "against %s µs%s)", percent(box.change()), micros(box.candidateNs()), micros(box.baselineNs()),
                range);
    }

    /** How a regression is decided, in one line, the same in the table and the Markdown. */
    static String rule(GateReport report) {
        return String.format(Locale.ROOT, "regression: more than +%s slower than the baseline, beyond its spread once "
                + "the box canary's change is taken out; alpha %s, Holm over %d cells",
                threshold(report.threshold()), report.alpha(), report.holmCells());
    }

    /** "3 runs: a, b, c and 7 more", or "a" for one. */
    static String runs(List<GateReport.RunRef> runs) {
        List<String> names = runs.stream().map(run -> run.id() != null ? run.id() : run.path()).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        String shown = String.join(", ", names.subList(0, Math.min(LISTED_RUNS, names.size())));
        return names.size() + " runs: " + shown
                + (names.size() > LISTED_RUNS ? " and " + (names.size() - LISTED_RUNS) + " more" : "");
    }
}
