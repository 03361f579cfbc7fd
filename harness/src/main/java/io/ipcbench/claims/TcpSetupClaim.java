package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ipcbench.command.Advice;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.ClaimComparison;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.stats.GeometricMean;
import io.ipcbench.stats.LogRatio;
import io.ipcbench.transport.TransportKind;

/**
 * tcp-setup, after the lecture's handshake count: a TCP connection costs about one and a half round
 * trips before data flows. Each tcp connect cell with one loop is set beside the tcp ping-pong cells
 * of the same size, engine and placement in the same run: the connect alone's median (a new socket to
 * the connection usable) over 1.5 times the round trip's median, each repetition (a fresh peer) one
 * value, the interval from {@link LogRatio#welch} as in every comparison. "About" is taken as between
 * one and two round trips: the claim holds where the whole interval lies between 2/3 and 4/3 of 1.5
 * round trips, does not hold where it lies wholly outside, and is inconclusive where it straddles an
 * edge or a side has too few repetitions.
 */
final class TcpSetupClaim implements ClaimEvaluator {
    private static final Claim CLAIM = Claim.TCP_SETUP;
    private static final String TCP = TransportKind.TCP.label();
    /** The claimed cost, in round trips. */
    static final double ROUND_TRIPS = 1.5;
    /** "About" 1.5 round trips: at least one ... */
    static final double FEWEST = 1.0;
    /** ... and at most two. */
    static final double MOST = 2.0;
    private static final Needs NEEDS = new Needs("tcp connect cells with 1 loop and tcp latency cells of the same size",
            Advice.run("--transports", "tcp", "--connect-sizes", "64"));

    @Override
    public Needs needs() {
        return NEEDS;
    }

    @Override
    public ClaimVerdict evaluate(Evidence evidence) {
        List<CellGroup> connects = evidence.groups(TCP, CellMode.CONNECT.label()).stream()
                .filter(g -> g.connections() == 1).toList();
        List<CellGroup> pingPongs = evidence.groups(TCP, CellMode.LATENCY.label()).stream()
                .filter(g -> g.connections() == 1).toList();
        List<String> extra = new ArrayList<>();
        List<Part> points = new ArrayList<>();
        Set<CellGroup> used = new LinkedHashSet<>();
        for (CellGroup connect : connects) {
            CellGroup pingPong = pingPongs.stream().filter(p -> p.engine().equals(connect.engine())
                    && p.size() == connect.size() && p.placement().equals(connect.placement())).findFirst().orElse(null);
            if (pingPong == null) {
                extra.add("tcp connect " + Text.size(connect.size()) + ", placement " + connect.placement()
                        + ": no tcp latency cell at the same size and placement to compare with");
                continue;
            }
            used.add(connect);
            used.add(pingPong);
            points.add(compare(evidence, connect, pingPong));
        }
        for (CellResult cell : evidence.failed(List.of(TCP))) {
            if (cell.connections() == 1 && !CellMode.THROUGHPUT.label().equals(cell.mode())) {
                extra.add("not used: " + Evidence.cellName(cell) + " failed: " + cell.error());
            }
        }
        if (points.isEmpty()) {
            return Verdicts.notMeasured(CLAIM, NEEDS.text(), extra, Scope.box(evidence));
        }
        return Verdicts.combine(CLAIM, "tcp connect alone vs 1.5 round trips", points, Quantifier.EVERY, extra,
                Scope.of(used, evidence), null);
    }

    /** One size: the connect alone over 1.5 round trips, with its interval, against the band of "about". */
    private static Part compare(Evidence evidence, CellGroup connect, CellGroup pingPong) {
        ClaimSettings settings = evidence.settings();
        Repetitions rc = evidence.repetitions(connect, Measure.CONNECT_P50);
        Repetitions rp = evidence.repetitions(pingPong, Measure.P50);
        Map<String, Long> samples = new LinkedHashMap<>();
        samples.put(connect.id() + "#connect", (long) rc.size());
        samples.put(pingPong.id() + "#" + pingPong.mode(), (long) rp.size());
        int repetitions = Math.min(rc.size(), rp.size());
        String where = "p50 at " + Text.size(connect.size()) + ("raw".equals(connect.engine()) ? ""
                : ", engine " + connect.engine());
        String context = Text.size(connect.size()) + ", 1 connection, placement " + connect.placement()
                + ("raw".equals(connect.engine()) ? "" : ", engine " + connect.engine());
        List<String> notes = new ArrayList<>();
        notes.add(rc.size() + " and " + rp.size() + " repetitions");
        if (rc.size() > 0 && rp.size() > 0) {
            notes.add("connect alone " + Text.nanos(GeometricMean.value(rc.values())) + ", round trip "
                    + Text.nanos(GeometricMean.value(rp.values())) + " (geometric means)");
        }
        notes.addAll(Verdicts.distinct(concat(rc.leftOut(), rp.leftOut())));
        String head = "tcp connect alone / (1.5 × round trip) p50";
        double confidence = settings.confidence();
        if (rc.size() < settings.minRepetitions() || rp.size() < settings.minRepetitions()) {
            String reason = Comparison.tooFew(settings);
            Double estimate = rc.size() > 0 && rp.size() > 0
                    ? GeometricMean.value(rc.values()) / GeometricMean.value(rp.values()) / ROUND_TRIPS : null;
            String figure = head + (estimate == null ? "" : " = " + Text.ratio(estimate)) + ", " + context + ": "
                    + String.join("; ", notes) + ": " + Outcome.INCONCLUSIVE.verdict() + " (" + reason + ": "
                    + Comparison.tooFewAdvice(settings, rc, rp) + ")";
            return new Part(Outcome.INCONCLUSIVE, where, reason, figure, samples, repetitions, true, estimate,
                    data(connect, estimate, null, null, confidence, rc, rp, Outcome.INCONCLUSIVE, reason));
        }
        LogRatio.Interval rounds = LogRatio.welch(rc.values(), rp.values()).interval(confidence);
        double estimate = rounds.estimate() / ROUND_TRIPS;
        double lower = rounds.lower() / ROUND_TRIPS;
        double upper = rounds.upper() / ROUND_TRIPS;
        Outcome outcome = rounds.lower() >= FEWEST && rounds.upper() <= MOST ? Outcome.HOLDS
                : rounds.upper() < FEWEST || rounds.lower() > MOST ? Outcome.DOES_NOT_HOLD : Outcome.INCONCLUSIVE;
        String reason = outcome == Outcome.INCONCLUSIVE ? "CI crosses 1 or 2 round trips" : null;
        String figure = head + " = " + Text.ratio(estimate) + ", " + Text.percent(confidence) + " CI "
                + Text.range(lower, upper) + " (connect alone = " + Text.ratio(rounds.estimate()) + " round trips, "
                + Text.range(rounds.lower(), rounds.upper()) + "; about 1.5 is taken as 1 to 2), " + context + " ("
                + String.join("; ", notes) + "): " + outcome.verdict() + (reason == null ? "" : " (" + reason + ")");
        return new Part(outcome, where, reason, figure, samples, repetitions, true, estimate,
                data(connect, estimate, lower, upper, confidence, rc, rp, outcome, reason));
    }

    private static ClaimComparison data(CellGroup connect, Double ratio, Double lower, Double upper,
                                        double confidence, Repetitions rc, Repetitions rp, Outcome outcome,
                                        String reason) {
        return new ClaimComparison("connect p50 / 1.5 round trips", TCP + " connect", TCP + " latency",
                connect.engine(), connect.size(), connect.connections(), connect.placement(), ratio, lower, upper,
                confidence, rc.size(), rp.size(), null, null, outcome.verdict(), reason, true);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
