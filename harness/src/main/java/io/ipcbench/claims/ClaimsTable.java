package io.ipcbench.claims;

import java.util.List;
import java.util.Locale;

import io.ipcbench.results.ClaimVerdict;

/** The compact verdict table printed at the end: one line per claim. */
public final class ClaimsTable {
    private static final String FORMAT = "%-23s %-14s %9s %4s  %s%n";

    private ClaimsTable() {
    }

    public static String render(List<ClaimVerdict> verdicts) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, FORMAT, "claim", "verdict", "samples", "reps", "why"));
        for (ClaimVerdict v : verdicts) {
            table.append(String.format(Locale.ROOT, FORMAT, v.id(), v.verdict(),
                    ClaimVerdict.NOT_MEASURED.equals(v.verdict()) ? "-" : Text.count(v.samples()),
                    ClaimVerdict.NOT_MEASURED.equals(v.verdict()) ? "-" : String.valueOf(v.repetitions()),
                    v.summary()));
        }
        return table.toString();
    }
}
