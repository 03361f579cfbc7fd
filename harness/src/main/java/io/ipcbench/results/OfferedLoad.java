package io.ipcbench.results;

import java.util.Locale;

/**
 * What a rate cell offered and what came of it. The sender keeps a schedule (message k of a
 * connection is due at {@code start + k / ratePerConnection}), and the cell's {@code latencyNs} runs
 * from each message's intended send to its reply, so a stall of the sender or the channel counts
 * for every message it delayed (coordinated omission corrected); {@code rawNs} runs from the actual
 * send, as a closed-loop tool would measure it.
 *
 * @param requested        the rate asked for
 * @param closedLoopPerSec for a percentage: the round trips per second of the closed-loop cell it is a
 *                         percentage of; null for a rate per second
 * @param targetPerSec     round trips per second the schedule offered, all connections together
 * @param achievedPerSec   round trips completed within the schedule's span, per second of it (the replies
 *                         still in flight at its end are timed, but not counted here)
 * @param behindAtEnd      messages due by the end of the measured part that the sender had not yet sent
 * @param rateMissed       whether the achieved rate fell below {@link #ACHIEVED_FRACTION} of the target, or
 *                         the sender ended more than one interval behind its schedule on a connection
 * @param rawNs            percentiles from the actual send
 */
public record OfferedLoad(RequestedRate requested, Double closedLoopPerSec, double targetPerSec,
                          double achievedPerSec, long behindAtEnd, boolean rateMissed, LatencySummary rawNs) {
    /** Below this share of its target a cell missed its rate. */
    public static final double ACHIEVED_FRACTION = 0.99;

    /** A rate cell before anything is measured: what was asked, nothing offered yet. */
    public static OfferedLoad asked(RequestedRate requested) {
        return new OfferedLoad(requested, null, 0, 0, 0, false, LatencySummary.EMPTY);
    }

    /**
     * What a measured part came to.
     *
     * @param completed   round trips completed within the schedule's span
     * @param seconds     the schedule's span
     * @param connections the cell's connections, each with its own schedule
     */
    public static OfferedLoad measured(RequestedRate requested, Double closedLoopPerSec, double targetPerSec,
                                       long completed, double seconds, long behindAtEnd, int connections,
                                       LatencySummary rawNs) {
        double achieved = seconds > 0 ? completed / seconds : 0;
        boolean missed = achieved < ACHIEVED_FRACTION * targetPerSec || behindAtEnd > connections;
        return new OfferedLoad(requested, closedLoopPerSec, targetPerSec, achieved, behindAtEnd, missed, rawNs);
    }

    /** "achieved 41,200/s of 50,000/s, 120 messages behind at the end", or null when the rate was kept. */
    public String describeMiss() {
        if (!rateMissed) {
            return null;
        }
        return String.format(Locale.ROOT, "rate missed: achieved %,.0f/s of %,.0f/s%s", achievedPerSec,
                targetPerSec, behindAtEnd > 0 ? String.format(Locale.ROOT, ", %,d messages behind at the end",
                        behindAtEnd) : "");
    }
}
