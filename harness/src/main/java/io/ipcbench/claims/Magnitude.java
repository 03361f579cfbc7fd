package io.ipcbench.claims;

import java.util.List;

import io.ipcbench.results.ClaimVerdict;

/**
 * A size a claim states beside its direction: the direction alone is not the claim. Two kinds:
 * <ul>
 *   <li>{@link Bound#UP_TO}, as in "TCP can beat Unix sockets, by up to 3x": met when some
 *       comparison that holds has an interval reaching the factor (the advantage could be that
 *       large); when none does, the claim as stated does not hold, however surely the direction
 *       holds ({@link #test}).</li>
 *   <li>{@link Bound#AT_LEAST}, as in "an order of magnitude below": each comparison is judged
 *       against the factor instead of 1 ({@link #judge}): it holds when its whole interval clears
 *       the factor, does not hold when its whole interval falls short of it, and is inconclusive
 *       when the interval straddles it.</li>
 * </ul>
 *
 * @param factor  the advantage the claim states, e.g. 3
 * @param bound   whether the advantage may reach the factor, or must clear it
 * @param subject what is compared, for the summary
 */
record Magnitude(double factor, Bound bound, String subject) {

    /** How the stated factor bounds the advantage. */
    enum Bound {
        /** "by up to 3x": the advantage may reach it. */
        UP_TO,
        /** "an order of magnitude": the advantage must clear it. */
        AT_LEAST
    }

    /** The verdict of the direction, kept when the factor is met or the direction did not hold, else overruled. */
    ClaimVerdict test(ClaimVerdict direction, List<Part> deciding, Measure metric) {
        if (bound != Bound.UP_TO) {
            throw new IllegalStateException("a claim of at least " + factor + "x judges each comparison: see judge()");
        }
        double reach = 0;
        String where = null;
        double best = 0;
        for (Part p : deciding) {
            if (p.outcome() != Outcome.HOLDS || p.data() == null || p.data().ciLow() == null) {
                continue;
            }
            double upper = Math.max(advantage(p.data().ciLow(), metric), advantage(p.data().ciHigh(), metric));
            double estimate = advantage(p.data().ratio(), metric);
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

    /**
     * One comparison judged against the factor a claim of {@link Bound#AT_LEAST} states. A
     * comparison with no interval (too few repetitions) stays inconclusive, as it was.
     */
    Part judge(Part comparison, Measure metric) {
        if (bound != Bound.AT_LEAST) {
            throw new IllegalStateException("a claim of up to " + factor + "x is tested as a whole: see test()");
        }
        if (comparison.data() == null || comparison.data().ciLow() == null) {
            return comparison;
        }
        double atLow = advantage(comparison.data().ciLow(), metric);
        double atHigh = advantage(comparison.data().ciHigh(), metric);
        double low = Math.min(atLow, atHigh);
        double high = Math.max(atLow, atHigh);
        double estimate = advantage(comparison.data().ratio(), metric);
        Outcome outcome = low >= factor ? Outcome.HOLDS : high < factor ? Outcome.DOES_NOT_HOLD : Outcome.INCONCLUSIVE;
        String reason = switch (outcome) {
            case HOLDS -> null;
            case DOES_NOT_HOLD -> "short of " + Text.ratio(factor) + "x";
            case INCONCLUSIVE -> "CI straddles " + Text.ratio(factor) + "x";
        };
        return comparison.withOutcome(outcome, reason, comparison.figure() + "; advantage " + Text.ratio(estimate)
                + "x (" + Text.range(low, high) + "x) against the " + Text.ratio(factor) + "x claimed: "
                + outcome.verdict() + (reason == null ? "" : " (" + reason + ")"));
    }

    /** A ratio A/B as A's advantage, a factor above 1 when A is better: A/B for rates, B/A for latencies. */
    private static double advantage(double ratio, Measure metric) {
        return metric.higherIsBetter() ? ratio : 1 / ratio;
    }
}
