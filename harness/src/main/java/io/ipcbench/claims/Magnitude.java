package io.ipcbench.claims;

import java.util.List;

import io.ipcbench.results.ClaimVerdict;

/**
 * A size a claim states beside its direction, as in "TCP can beat Unix sockets, by up to 3x":
 * the direction alone is not the claim. It is met when some comparison that holds has an interval
 * reaching the factor (the advantage could be that large); when none does, the claim as stated
 * does not hold, however surely the direction holds.
 *
 * @param factor  the advantage the claim states, e.g. 3
 * @param subject what is compared, for the summary
 */
record Magnitude(double factor, String subject) {

    /** The verdict of the direction, kept when the factor is met or the direction did not hold, else overruled. */
    ClaimVerdict test(ClaimVerdict direction, List<Part> deciding, Measure metric) {
        double reach = 0;
        String where = null;
        double best = 0;
        for (Part p : deciding) {
            if (p.outcome() != Outcome.HOLDS || p.data() == null || p.data().ciLow() == null) {
                continue;
            }
            // The advantage as a factor above 1: A/B for rates, B/A for latencies.
            double upper = metric.higherIsBetter() ? p.data().ciHigh() : 1 / p.data().ciLow();
            double estimate = metric.higherIsBetter() ? p.data().ratio() : 1 / p.data().ratio();
            if (upper > reach) {
                reach = upper;
                best = estimate;
                where = p.where();
            }
        }
        String line = "the claim states an advantage of up to " + Text.ratio(factor) + "x: ";
        if (!ClaimVerdict.HOLDS.equals(direction.verdict())) {
            return Verdicts.overruled(direction, Outcome.valueOfVerdict(direction.verdict()), direction.summary(),
                    List.of(line + "not tested, since the direction itself did not hold"));
        }
        if (reach >= factor) {
            return Verdicts.overruled(direction, Outcome.HOLDS, direction.summary(), List.of(line + "the largest, "
                    + Text.ratio(best) + "x at " + where + ", has an interval reaching " + Text.ratio(reach)
                    + "x: met"));
        }
        String summary = subject + ": the direction holds, but the largest advantage measured is "
                + Text.ratio(best) + "x (" + where + "), and no interval reaches " + Text.ratio(factor)
                + "x (the highest reaches " + Text.ratio(reach) + "x), so the claim as stated does not hold.";
        return Verdicts.overruled(direction, Outcome.DOES_NOT_HOLD, summary,
                List.of(line + "no interval reaches it: not met"));
    }
}
