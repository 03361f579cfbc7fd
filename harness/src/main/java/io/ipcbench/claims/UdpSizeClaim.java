package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.List;

import io.ipcbench.command.Advice;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.Environment;
import io.ipcbench.results.ProbeResults.DatagramLimit;
import io.ipcbench.stats.Medians;

/**
 * udp-size: "a UDP datagram is small, about 1.5 KB". Refuted by any udp datagram well above that
 * crossing loopback whole, found by the largest-datagram probe or by a successful udp cell of that
 * size; confirmed only when the probe found the limit near 1.5 KB. The udp round trip at each size
 * and the MTU of lo are shown beside it: a datagram above the MTU is fragmented.
 */
final class UdpSizeClaim implements ClaimEvaluator {
    private static final Claim CLAIM = Claim.UDP_SIZE;
    private static final String UDP = "udp";
    /** The claim's size: Ethernet's MTU. */
    static final int CLAIMED_BYTES = 1_500;
    /** "About 1.5 KB": anything above this is clearly more. */
    static final int ABOUT_LIMIT = 2_000;
    private static final Needs NEEDS = new Needs("the largest-datagram probe or a udp cell above "
            + Text.count(ABOUT_LIMIT) + " B", Advice.run("--transports", UDP).with(Advice.PROBES));
    /** IPv4 and UDP headers, which a datagram's payload shares the MTU with. */
    private static final int IP_UDP_HEADERS = 28;
    /** The largest payload an IPv4 UDP datagram can carry at all. */
    private static final int UDP_MAX_PAYLOAD = 65_507;

    @Override
    public Needs needs() {
        return NEEDS;
    }

    @Override
    public ClaimVerdict evaluate(Evidence evidence) {
        List<DatagramLimit> limits = evidence.probes().largestDatagrams();
        List<DatagramLimit> udpLimits = limits.stream().filter(l -> UDP.equals(l.transport())).toList();
        List<String> figures = new ArrayList<>();
        for (DatagramLimit limit : limits) {
            figures.add(describe(limit));
        }
        int largestProbed = udpLimits.stream().mapToInt(DatagramLimit::largestDelivered).max().orElse(-1);
        CellResult largestCell = evidence.cells().stream()
                .filter(c -> c.ok() && UDP.equals(c.transport()) && delivered(c))
                .max((x, y) -> Integer.compare(x.size(), y.size())).orElse(null);
        int largestCellSize = largestCell == null ? -1 : largestCell.size();
        if (largestCell != null) {
            figures.add("largest udp message in a successful cell: " + Text.count(largestCellSize) + " B ("
                    + Evidence.cellName(largestCell) + ")");
        }
        figures.addAll(latencyAcrossSizes(evidence));
        int largest = Math.max(largestProbed, largestCellSize);
        long samples = udpLimits.size() + (largestCell == null ? 0 : 1);
        String scope = Scope.probe("largest-datagram probe and udp cells", evidence);

        if (largest > ABOUT_LIMIT) {
            String source = largest == largestProbed ? "the largest-datagram probe" : "a udp cell";
            return verdict(ClaimVerdict.DOES_NOT_HOLD, "A " + Text.count(largest) + " B udp datagram crossed loopback "
                    + "whole (" + source + "), " + Text.ratio((double) largest / CLAIMED_BYTES) + "x the claimed "
                    + "1.5 KB; 1.5 KB is Ethernet's MTU, not a limit of UDP.", figures, samples, scope);
        }
        if (udpLimits.isEmpty()) {
            return Verdicts.notMeasured(CLAIM, NEEDS.text(), figures, Scope.box(evidence));
        }
        boolean refusedNearClaim = udpLimits.stream()
                .anyMatch(l -> l.smallestRefused() > 0 && l.smallestRefused() <= ABOUT_LIMIT);
        if (refusedNearClaim) {
            return verdict(ClaimVerdict.HOLDS, "The largest udp datagram that crossed loopback was "
                    + Text.count(largest) + " B, about 1.5 KB as claimed.", figures, samples, scope);
        }
        return verdict(ClaimVerdict.INCONCLUSIVE, "Udp datagrams of up to " + Text.count(largest)
                + " B crossed loopback, but the probe tried nothing larger, so the limit is unknown.",
                figures, samples, scope);
    }

    private static ClaimVerdict verdict(String verdict, String summary, List<String> figures, long samples,
                                        String scope) {
        return ClaimVerdict.ofCounts(CLAIM.id(), CLAIM.text(), verdict, summary, figures, samples, 1, scope);
    }

    /** Whether a udp cell got messages back (ping-pong) or through (flood). */
    private static boolean delivered(CellResult cell) {
        if (cell.datagrams() != null) {
            return cell.datagrams().received() > 0;
        }
        if (cell.throughput() != null) {
            return cell.throughput().messages() > 0;
        }
        return cell.latencyNs() != null && cell.latencyNs().count() > 0;
    }

    private static String describe(DatagramLimit limit) {
        String refused = limit.smallestRefused() > 0
                ? ", " + Text.count(limit.smallestRefused()) + " B refused"
                        + (limit.refusal() == null ? "" : " (" + limit.refusal() + ")")
                : ", nothing larger refused";
        return "largest " + limit.transport() + " datagram across loopback: " + Text.count(limit.largestDelivered())
                + " B" + refused;
    }

    /** "udp round-trip p50 at 64 B = 12.10 µs (median of 3 repetitions), placement 0,1", per size, with the lo MTU. */
    private static List<String> latencyAcrossSizes(Evidence evidence) {
        List<String> lines = new ArrayList<>();
        Environment env = evidence.environment();
        int mtu = env == null ? 0 : env.loopbackMtu();
        for (CellGroup group : evidence.groups(UDP, CellMode.LATENCY.label())) {
            if (group.connections() != 1) {
                continue;
            }
            Repetitions repetitions = evidence.repetitions(group, Measure.P50);
            if (repetitions.size() == 0) {
                continue;
            }
            String fragments = mtu > 0 && group.size() + IP_UDP_HEADERS > mtu ? ", above the lo MTU: fragmented" : "";
            lines.add("udp round-trip p50 at " + Text.size(group.size()) + " = "
                    + Text.nanos(Medians.median(repetitions.values())) + " (median of " + repetitions.size()
                    + (repetitions.size() == 1 ? " repetition), " : " repetitions), ")
                    + "placement " + group.placement() + fragments);
        }
        if (mtu > 0 && !lines.isEmpty()) {
            lines.add("MTU of lo: " + Text.count(mtu) + " B; a udp payload up to "
                    + Text.count(Math.min(mtu - IP_UDP_HEADERS, UDP_MAX_PAYLOAD)) + " B crosses it in one packet");
        }
        return lines;
    }
}
