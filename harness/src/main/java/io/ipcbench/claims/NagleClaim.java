package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import io.ipcbench.command.Advice;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.ProbeResults.NagleProbe;
import io.ipcbench.stats.Medians;

/**
 * nagle: from the Nagle probe, a request written as header then body, with TCP_NODELAY off and on.
 * With it off, the body waits for the header's ACK, which the peer delays: tens of milliseconds
 * against microseconds. An effect that size needs no bootstrap; a small one is not what the claim
 * predicts.
 */
final class NagleClaim implements ClaimEvaluator {
    private static final Claim CLAIM = Claim.NAGLE;
    private static final Needs NEEDS = new Needs("the Nagle probe, round trips with TCP_NODELAY on and off",
            Advice.run("--transports", "tcp").with(Advice.PROBES));
    /** "Much slower": ten times the round trip, or ... */
    static final double STALL_RATIO = 10;
    /** ... ten milliseconds more, a delayed-ACK stall. */
    static final double STALL_NANOS = 10e6;
    /** Below this ratio the two settings are taken as the same. */
    static final double SAME_RATIO = 1.5;

    @Override
    public Needs needs() {
        return NEEDS;
    }

    @Override
    public ClaimVerdict evaluate(Evidence evidence) {
        List<NagleProbe> probes = evidence.probes().nagle().stream()
                .filter(p -> p.latencyNs() != null && p.latencyNs().count() > 0).toList();
        List<NagleProbe> off = probes.stream().filter(p -> !p.tcpNoDelay()).toList();
        List<NagleProbe> on = probes.stream().filter(NagleProbe::tcpNoDelay).toList();
        if (off.isEmpty() || on.isEmpty()) {
            return Verdicts.notMeasured(CLAIM, NEEDS.text(), List.of(), Scope.box(evidence));
        }
        double offP50 = median(off, LatencySummary::p50);
        double onP50 = median(on, LatencySummary::p50);
        double offP99 = median(off, LatencySummary::p99);
        double onP99 = median(on, LatencySummary::p99);
        long samples = probes.stream().mapToLong(p -> p.latencyNs().count()).sum();
        NagleProbe first = off.get(0);
        List<String> figures = new ArrayList<>();
        figures.add("TCP_NODELAY off / on round-trip p50 = " + ratioText(offP50, onP50) + " (" + Text.nanos(offP50)
                + " vs " + Text.nanos(onP50) + "), request of " + first.headerBytes() + " B header + "
                + first.bodyBytes() + " B body");
        figures.add("TCP_NODELAY off / on round-trip p99 = " + ratioText(offP99, onP99) + " (" + Text.nanos(offP99)
                + " vs " + Text.nanos(onP99) + ")");
        for (NagleProbe p : probes) {
            figures.add("TCP_NODELAY " + (p.tcpNoDelay() ? "on" : "off") + ": " + Text.count(p.latencyNs().count())
                    + " round trips, p50 " + Text.nanos(p.latencyNs().p50())
                    + ", p99 " + Text.nanos(p.latencyNs().p99())
                    + ", max " + Text.nanos(p.latencyNs().max()));
        }
        String scope = Scope.probe("Nagle probe over loopback tcp", evidence);
        int repetitions = Math.min(off.size(), on.size());
        if (stalled(offP50, onP50)) {
            return verdict(ClaimVerdict.HOLDS, "With TCP_NODELAY off, a request written in two parts takes "
                    + Text.nanos(offP50) + " at p50 against " + Text.nanos(onP50) + " with it on: request/response "
                    + "traffic needs TCP_NODELAY.", figures, samples, repetitions, scope);
        }
        if (offP50 < SAME_RATIO * onP50 && offP99 < SAME_RATIO * onP99) {
            return verdict(ClaimVerdict.DOES_NOT_HOLD, "TCP_NODELAY made no material difference to a request "
                    + "written in two parts (p50 " + Text.nanos(offP50) + " off, " + Text.nanos(onP50) + " on).",
                    figures, samples, repetitions, scope);
        }
        String tail = stalled(offP99, onP99) ? "; its tail stalls (p99 " + Text.nanos(offP99) + ")" : "";
        return verdict(ClaimVerdict.INCONCLUSIVE, "With TCP_NODELAY off the round trip is slower (p50 "
                + Text.nanos(offP50) + " against " + Text.nanos(onP50) + tail + "), but its median is not the "
                + "delayed-ACK stall the claim predicts.", figures, samples, repetitions, scope);
    }

    private static boolean stalled(double off, double on) {
        return off >= STALL_RATIO * on || off - on >= STALL_NANOS;
    }

    private static String ratioText(double a, double b) {
        return b > 0 ? Text.ratio(a / b) : "-";
    }

    private static double median(List<NagleProbe> probes, ToLongFunction<LatencySummary> f) {
        return Medians.median(probes.stream().mapToDouble(p -> f.applyAsLong(p.latencyNs())).toArray());
    }

    private static ClaimVerdict verdict(String verdict, String summary, List<String> figures, long samples,
                                        int repetitions, String scope) {
        return ClaimVerdict.ofCounts(CLAIM.id(), CLAIM.text(), verdict, summary, figures, samples,
                repetitions, scope);
    }
}
