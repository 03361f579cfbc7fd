package io.ipcbench.gate;

import java.util.List;

/** The gate's report as GitHub-flavoured Markdown, for a CI job summary or a pull-request comment. */
public final class GateMarkdown {
    private GateMarkdown() {
    }

    public static String render(GateReport report) {
        StringBuilder md = new StringBuilder();
        md.append("### ipcbench gate: ").append(headline(report)).append("\n\n");
        md.append(escape(report.reason())).append("\n\n");
        md.append("Percentile: ").append(report.metric()).append(" of each repetition (a fresh peer process), geometric "
                + "mean over a run's repetitions; ").append(Format.rule(report)).append(". Candidate `")
                .append(code(name(report.candidate()))).append('`');
        if (!report.baselines().isEmpty()) {
            md.append(", baseline ").append(code(Format.runs(report.baselines())));
        }
        md.append(".\n");
        if (report.box() != null) {
            md.append("\n").append(capitalized(escape(Format.box(report.box())))).append(".\n");
        }
        if (!report.cells().isEmpty()) {
            md.append("\n| cell | candidate (µs) | baseline (µs, runs) | change | canary | net | ")
                    .append(Format.confidence(report.confidence()))
                    .append(" interval | p | Holm p | repetitions | verdict |\n");
            md.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---|\n");
            for (CellComparison cell : report.cells()) {
                String verdict = cell.verdict() == Verdict.REGRESSION ? "**regression**" : cell.verdict().label();
                md.append("| `").append(code(cell.key())).append("` | ")
                        .append(Format.micros(cell.candidate().valueNs())).append(" | ")
                        .append(Format.baseline(cell.baseline())).append(" | ")
                        .append(Format.percent(cell.change())).append(" | ")
                        .append(Format.percent(cell.canaryChange())).append(" | ")
                        .append(Format.percent(cell.netChange())).append(" | ")
                        .append(Format.interval(cell.intervalLow(), cell.intervalHigh())).append(" | ")
                        .append(escape(Format.pValue(cell.p()))).append(" | ")
                        .append(escape(Format.pValue(cell.pHolm()))).append(" | ")
                        .append(Format.repetitions(cell)).append(" | ")
                        .append(verdict).append(cell.note() != null ? ": " + escape(cell.note()) : "").append(" |\n");
            }
        }
        if (!report.notCompared().isEmpty()) {
            md.append("\nNot compared:\n\n");
            for (GateReport.NotCompared cell : report.notCompared()) {
                md.append("- `").append(code(cell.key())).append("`: ").append(escape(cell.reason())).append('\n');
            }
        }
        keys(md, "Only in the baseline", report.onlyInBaseline());
        keys(md, "Only in the candidate", report.onlyInCandidate());
        if (!report.environmentDifferences().isEmpty()) {
            md.append("\nEnvironments differ").append(report.allowDifferentEnv() ? " (compared anyway)" : "")
                    .append(": ").append(escape(String.join("; ", report.environmentDifferences()))).append(".\n");
        }
        if (!report.notes().isEmpty()) {
            md.append('\n');
            for (String note : report.notes()) {
                md.append("- ").append(escape(note)).append('\n');
            }
        }
        return md.toString();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String headline(GateReport report) {
        return switch (report.outcome()) {
            case NO_REGRESSION -> "no regression";
            case REGRESSION -> "REGRESSION";
            case UNDECIDED -> "could not decide";
        };
    }

    private static String name(GateReport.RunRef run) {
        return run.id() != null ? run.id() : run.path();
    }

    private static void keys(StringBuilder md, String title, List<String> keys) {
        if (!keys.isEmpty()) {
            md.append('\n').append(title).append(": ");
            md.append(String.join(", ", keys.stream().map(k -> "`" + code(k) + "`").toList())).append(".\n");
        }
    }

    /** Keeps text from breaking a table row or turning into markup. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("\n", " ");
    }

    /** Text inside backticks: only the backtick and the table's pipe need care. */
    private static String code(String text) {
        return text.replace("`", "'").replace("|", "\\|");
    }
}
