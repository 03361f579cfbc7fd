package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.ipcbench.command.Advice;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.RunResult;
import io.ipcbench.results.Spread;
import io.ipcbench.results.SustainableRate;
import io.ipcbench.transport.TransportKind;

/**
 * Judges the claims of docs/claims.md from one run: one verdict each, in that order, with the
 * figures, samples, repetitions and scope behind it. A claim whose data the run did not collect is
 * "not measured", with what it needs. Deterministic: the same run and seed give the same verdicts.
 *
 * <pre>
 * List&lt;ClaimVerdict&gt; verdicts = new ClaimsJudge(ClaimSettings.defaults()).judge(RunFolder.read(dir));
 * </pre>
 */
public final class ClaimsJudge {
    private static final List<String> PIPES = List.of("pipe", "fifo");
    private static final String UNIX_STREAM = TransportKind.UNIX_STREAM.label();
    private static final String TCP = TransportKind.TCP.label();

    private final ClaimSettings settings;

    public ClaimsJudge(ClaimSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @param run the run, as read by {@code RunFolder.read} */
    public List<ClaimVerdict> judge(RunResult run) {
        Evidence evidence = new Evidence(run, settings);
        List<ClaimVerdict> verdicts = new ArrayList<>();
        for (Claim claim : Claim.values()) {
            verdicts.add(evaluator(claim).evaluate(evidence));
        }
        return List.copyOf(verdicts);
    }

    /** The table of evaluators: the switch is exhaustive, so a new claim cannot go unjudged. */
    static ClaimEvaluator evaluator(Claim claim) {
        return switch (claim) {
            case UDS_LATENCY -> new PairwiseClaim(claim, List.of(UNIX_STREAM), TCP, List.of(Measure.P50, Measure.P99),
                    List.of(), c -> c == 1, Quantifier.EVERY, "unix-stream vs tcp round trip",
                    new Needs("latency cells of unix-stream and tcp at the same size with 1 connection",
                            Advice.run("--transports", "tcp,unix-stream")));
            case UDS_THROUGHPUT -> new PairwiseClaim(claim, List.of(UNIX_STREAM), TCP, List.of(Measure.BYTES_PER_SEC),
                    List.of(), c -> c == 1, Quantifier.EVERY, "unix-stream vs tcp one-way throughput",
                    new Needs("throughput-mode cells of unix-stream and tcp at the same size with 1 connection",
                            Advice.run("--transports", "tcp,unix-stream").with(Advice.THROUGHPUT)));
            case TCP_MANY_CONNECTIONS -> new PairwiseClaim(claim, List.of(TCP), UNIX_STREAM,
                    List.of(Measure.ROUND_TRIPS_PER_SEC), List.of(Measure.P99), c -> c > 1, Quantifier.SOME,
                    "tcp vs unix-stream aggregate round trips/s with many connections",
                    new Needs("the connections sweep for tcp and unix-stream",
                            Advice.run("--transports", "tcp,unix-stream").with(Advice.CONNECTIONS)))
                    .withPairNotes(ClaimsJudge::perConnection)
                    .withMagnitude(3);
            case UDP_LATENCY -> new PairwiseClaim(claim, List.of("udp"), TCP, List.of(Measure.P50, Measure.P99),
                    List.of(), c -> c == 1, Quantifier.EVERY, "udp vs tcp round trip",
                    new Needs("latency cells of udp and tcp at the same size with 1 connection",
                            Advice.run("--transports", "tcp,udp")));
            case UDP_SAME_HOST_RELIABLE -> new UdpReliabilityClaim();
            case UDP_SIZE -> new UdpSizeClaim();
            case BOUNDARIES -> new BoundariesClaim();
            case PIPE_VS_UDS -> new PairwiseClaim(claim, PIPES, UNIX_STREAM,
                    List.of(Measure.P50, Measure.P99, Measure.BYTES_PER_SEC), List.of(), c -> c == 1, Quantifier.EVERY,
                    "pipe and fifo vs unix-stream",
                    new Needs("pipe or fifo cells and unix-stream cells at the same size",
                            Advice.run("--transports", "pipe,fifo,unix-stream")));
            case TCP_BULK -> new TcpBulkClaim();
            case NAGLE -> new NagleClaim();
            case UDS_UNDER_LOAD -> new PairwiseClaim(claim, List.of(UNIX_STREAM), TCP,
                    List.of(Measure.SUSTAINABLE_RATE), List.of(), c -> true, Quantifier.EVERY,
                    "unix-stream vs tcp sustainable rate (the highest offered rate whose p99, from the intended send, "
                            + "stays within the budget)",
                    new Needs("rate sweeps of unix-stream and tcp at the same size and connections",
                            Advice.run("--transports", "tcp,unix-stream").with(Advice.RATES)))
                    .withPairNotes(ClaimsJudge::sweeps);
            case SHM_FLOOR -> new ShmFloorClaim();
            case TCP_SETUP -> new TcpSetupClaim();
        };
    }

    /** "sustainable rates at p99 ≤ 100 µs, 64 B, 1 connection: unix-stream r0 28.5k/s, r1 none; tcp r0 …". */
    private static List<String> sweeps(CellGroup unix, CellGroup tcp, Evidence evidence) {
        List<String> sides = new ArrayList<>();
        long budget = 0;
        for (CellGroup group : List.of(unix, tcp)) {
            List<String> values = new ArrayList<>();
            for (SustainableRate rate : evidence.sustainableRates(group.transport())) {
                if (rate.engine().equals(group.engine()) && rate.size() == group.size()
                        && rate.connections() == group.connections() && rate.placement().equals(group.placement())) {
                    budget = rate.budgetNs();
                    values.add("r" + rate.repetition() + " " + (rate.perSec() == null ? "none"
                            : Text.perSec(rate.perSec())));
                }
            }
            sides.add(group.transport() + " " + String.join(", ", values));
        }
        return List.of("sustainable rates at p99 ≤ " + Text.nanos(budget) + ", " + Text.size(unix.size()) + ", "
                + Text.connections(unix.connections()) + ", placement " + unix.placement() + ": "
                + String.join("; ", sides));
    }

    /** "per-connection p99 (best / median / worst) at 64 B with 64 connections: tcp r0 …; unix-stream r0 …". */
    private static List<String> perConnection(CellGroup tcp, CellGroup unix, Evidence evidence) {
        List<String> sides = new ArrayList<>();
        for (CellGroup group : List.of(tcp, unix)) {
            for (CellResult cell : group.cells()) {
                Spread s = cell.perConnectionP99Ns();
                String rate = cell.roundTripsPerSec() > 0
                        ? ", " + Text.perSec(cell.roundTripsPerSec()) + " overall" : "";
                if (s != null) {
                    sides.add(group.transport() + " r" + cell.repetition() + " " + Text.nanos(s.best()) + " / "
                            + Text.nanos(s.median()) + " / " + Text.nanos(s.worst()) + rate);
                }
            }
        }
        if (sides.isEmpty()) {
            return List.of();
        }
        return List.of("per-connection p99 (best / median / worst) at " + Text.size(tcp.size()) + " with "
                + Text.connections(tcp.connections()) + ", placement " + tcp.placement() + ": "
                + String.join("; ", sides));
    }
}
