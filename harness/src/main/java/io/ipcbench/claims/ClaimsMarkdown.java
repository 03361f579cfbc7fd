package io.ipcbench.claims;

import java.util.List;

import io.ipcbench.results.BoxDrift;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.RunResult;

/** {@code claims.md}: the verdicts as a table, then each claim with its figures and scope. */
public final class ClaimsMarkdown {
    public static final String FILE_NAME = "claims.md";

    private ClaimsMarkdown() {
    }

    public static String render(RunResult run, List<ClaimVerdict> verdicts, ClaimSettings settings) {
        StringBuilder md = new StringBuilder();
        md.append("# Claims judged from run ").append(code(run.id())).append("\n\n");
        if (run.finishedAt() == null) {
            md.append("**The run did not finish**: these verdicts rest on the cells it has.\n\n");
        }
        String drift = BoxDrift.noteFor(run);
        if (drift != null) {
            md.append("**Note**: ").append(drift).append(".\n\n");
        }
        if (run.environment() != null) {
            md.append("Box: kernel ").append(run.environment().kernel()).append(", ")
                    .append(run.environment().cpuModel()).append(" (").append(run.environment().logicalCpus())
                    .append(" CPUs), lo MTU ").append(Text.count(run.environment().loopbackMtu())).append(" B.\n\n");
        }
        md.append("How: every repetition of a cell is a fresh peer process and gives one value (its p50, p99, "
                + "round trips/s or throughput, as run.json holds them). A comparison takes the ratio of the two "
                + "transports' geometric means over their repetitions, with a ")
                .append(Text.percent(settings.confidence())).append(" interval from Welch's t on the logarithms, so "
                        + "that it widens when repetitions disagree. A part holds when the whole interval is on the "
                        + "claimed side of 1, does not hold when it is wholly on the other side, and is inconclusive "
                        + "otherwise or with fewer than ").append(settings.minRepetitions()).append(" repetitions a "
                        + "side. A claim that needs only one of several parts widens each part's interval "
                        + "(Bonferroni).\n\n");

        md.append("| claim | verdict | why | samples | repetitions |\n|---|---|---|---:|---:|\n");
        for (ClaimVerdict v : verdicts) {
            boolean measured = !ClaimVerdict.NOT_MEASURED.equals(v.verdict());
            md.append("| ").append(v.id()).append(" | **").append(v.verdict()).append("** | ")
                    .append(cell(v.summary())).append(" | ").append(measured ? Text.count(v.samples()) : "-")
                    .append(" | ").append(measured ? String.valueOf(v.repetitions()) : "-").append(" |\n");
        }
        for (ClaimVerdict v : verdicts) {
            md.append("\n## ").append(v.id()).append(": ").append(v.verdict()).append("\n\n");
            md.append("> ").append(v.claim()).append("\n\n");
            md.append(v.summary()).append("\n\n");
            if (v.figures() != null && !v.figures().isEmpty()) {
                for (String figure : v.figures()) {
                    md.append("- ").append(figure).append('\n');
                }
                md.append('\n');
            }
            md.append("Scope: ").append(v.scope()).append(".");
            if (!ClaimVerdict.NOT_MEASURED.equals(v.verdict())) {
                md.append(" Rests on ").append(Text.count(v.samples())).append(" samples, ")
                        .append(v.repetitions()).append(v.repetitions() == 1 ? " repetition." : " repetitions.");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** Table cells cannot hold a bar or a line break. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace('\n', ' ');
    }

    private static String code(String text) {
        return "`" + text + "`";
    }
}
