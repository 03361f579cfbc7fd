package io.ipcbench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The gate's report as plain text for a terminal or a CI log: one line per cell, latencies in µs. */
public final class GateTable {
    private GateTable() {
    }

    public static String render(GateReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "gate: %s of each repetition (a fresh peer process), geometric mean over "
                + "a run's repetitions, in µs%n      %s%n", report.metric(), Format.rule(report)));
        out.append("  candidate  ").append(describe(report.candidate())).append(System.lineSeparator());
        if (!report.baselines().isEmpty()) {
            out.append("  baseline   ").append(Format.runs(report.baselines())).append(System.lineSeparator());
        }
        if (report.box() != null) {
            out.append("  box        ").append(Format.box(report.box())).append(System.lineSeparator());
        }
        if (!report.cells().isEmpty()) {
            out.append(System.lineSeparator()).append(cells(report));
        }
        if (!report.notCompared().isEmpty()) {
            out.append(System.lineSeparator()).append("not compared:").append(System.lineSeparator());
            for (GateReport.NotCompared cell : report.notCompared()) {
                out.append("  ").append(cell.key()).append(": ").append(cell.reason()).append(System.lineSeparator());
            }
        }
        list(out, "only in the baseline", report.onlyInBaseline());
        list(out, "only in the candidate", report.onlyInCandidate());
        if (!report.environmentDifferences().isEmpty() && report.allowDifferentEnv()) {
            out.append(System.lineSeparator()).append("warning: compared across different environments (")
                    .append(Gate.ALLOW_DIFFERENT_ENV.options()).append("): ")
                    .append(String.join("; ", report.environmentDifferences())).append(System.lineSeparator());
        }
        for (String note : report.notes()) {
            out.append("note: ").append(note).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String describe(GateReport.RunRef run) {
        return (run.id() != null ? run.id() + "  " : "") + "(" + run.path() + ")";
    }

    private static String cells(GateReport report) {
        String interval = Format.confidence(report.confidence()) + " interval";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"cell", "candidate", "baseline (runs)", "change", "canary", "net", interval, "p",
                "Holm p", "reps c/b", "verdict"});
        for (CellComparison cell : report.cells()) {
            rows.add(new String[] {cell.key(), Format.micros(cell.candidate().valueNs()),
                    Format.baseline(cell.baseline()), Format.percent(cell.change()),
                    Format.percent(cell.canaryChange()), Format.percent(cell.netChange()),
                    Format.interval(cell.intervalLow(), cell.intervalHigh()), Format.pValue(cell.p()),
                    Format.pValue(cell.pHolm()), Format.repetitions(cell), verdict(cell)});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean leftAligned = i == 0 || i == row.length - 1;
                String cellText = leftAligned ? pad(row[i], widths[i], false) : pad(row[i], widths[i], true);
                line.append(cellText).append(i < row.length - 1 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String verdict(CellComparison cell) {
        String verdict = cell.verdict() == Verdict.REGRESSION ? "REGRESSION" : cell.verdict().label();
        return cell.note() == null ? verdict : verdict + ": " + cell.note();
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }

    private static void list(StringBuilder out, String title, List<String> keys) {
        if (!keys.isEmpty()) {
            out.append(System.lineSeparator()).append(title).append(": ").append(String.join(", ", keys))
                    .append(System.lineSeparator());
        }
    }
}
