package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ipcbench.command.Advice;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.ProbeResults.BulkTransfer;
import io.ipcbench.stats.Medians;

/**
 * tcp-bulk, after Snader: time to move a fixed number of blocks one way, tcp against udp, per block
 * size and address. Time is taken per delivered block, which credits udp with the blocks it lost
 * for free (it never resends them): if tcp keeps up even so, the claim holds. One transfer per
 * side is one number, not a distribution, so a band between "within 10%" and "25% slower" is left
 * inconclusive rather than read as a difference.
 */
final class TcpBulkClaim implements ClaimEvaluator {
    private static final Claim CLAIM = Claim.TCP_BULK;
    private static final Needs NEEDS = new Needs("the TCP vs UDP bulk probe, blocks of 1,440 B and 300 B over tcp "
            + "and udp", Advice.run("--transports", "tcp,udp").with(Advice.PROBES));
    /** "As fast as": tcp within 10% of udp, or faster. */
    static final double AS_FAST = 1.10;
    /** Slower than this is slower, whatever the noise of one transfer. */
    static final double SLOWER = 1.25;

    @Override
    public Needs needs() {
        return NEEDS;
    }

    @Override
    public ClaimVerdict evaluate(Evidence evidence) {
        List<BulkTransfer> transfers = evidence.probes().bulk();
        List<String> extra = new ArrayList<>();
        Map<String, List<BulkTransfer>> tcp = new LinkedHashMap<>();
        Map<String, List<BulkTransfer>> udp = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        for (BulkTransfer t : transfers) {
            String key = Text.count(t.blockSize()) + " B blocks over " + t.address();
            if (!"ok".equals(t.status())) {
                extra.add(t.transport() + ", " + key + ": " + t.status() + (t.error() == null ? "" : ": " + t.error()));
                continue;
            }
            if ("tcp".equals(t.transport())) {
                tcp.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                keys.add(key);
            } else if ("udp".equals(t.transport())) {
                udp.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                keys.add(key);
            }
        }
        List<Part> points = new ArrayList<>();
        for (String key : keys) {
            List<BulkTransfer> t = tcp.getOrDefault(key, List.of());
            List<BulkTransfer> u = udp.getOrDefault(key, List.of());
            if (t.isEmpty() || u.isEmpty()) {
                extra.add(key + ": only " + (t.isEmpty() ? "udp" : "tcp") + " was measured");
                continue;
            }
            points.add(compare(key, t, u));
        }
        if (points.isEmpty()) {
            return Verdicts.notMeasured(CLAIM, NEEDS.text(), extra, Scope.box(evidence));
        }
        String scope = Scope.probe("bulk probe, " + Text.list(List.copyOf(keys)), evidence);
        return Verdicts.combine(CLAIM, "tcp vs udp bulk transfer time per delivered block", points,
                Quantifier.EVERY, extra, scope, null);
    }

    private static Part compare(String key, List<BulkTransfer> tcp, List<BulkTransfer> udp) {
        Map<String, Long> samples = new LinkedHashMap<>();
        samples.put("tcp " + key, tcp.stream().mapToLong(BulkTransfer::delivered).sum());
        samples.put("udp " + key, udp.stream().mapToLong(BulkTransfer::delivered).sum());
        int repetitions = Math.min(tcp.size(), udp.size());
        long udpLost = udp.stream().mapToLong(BulkTransfer::lost).sum();
        long udpBlocks = udp.stream().mapToLong(BulkTransfer::blocks).sum();
        String losses = "udp lost " + Text.count(udpLost) + " of " + Text.count(udpBlocks) + " blocks";
        double tcpPerBlock = perBlock(tcp);
        double udpPerBlock = perBlock(udp);
        if (Double.isNaN(tcpPerBlock)) {
            return new Part(Outcome.DOES_NOT_HOLD, key, null, "tcp, " + key + ": delivered nothing: does not hold",
                    samples, repetitions, true, null, null);
        }
        if (Double.isNaN(udpPerBlock)) {
            return new Part(Outcome.HOLDS, key, null, "udp, " + key + ": delivered nothing (" + losses + "), tcp took "
                    + Text.nanos(tcpPerBlock * tcp.get(0).blocks() * 1e9) + ": holds", samples, repetitions, true,
                    null, null);
        }
        double ratio = tcpPerBlock / udpPerBlock;
        Outcome outcome = ratio <= AS_FAST ? Outcome.HOLDS
                : ratio > SLOWER ? Outcome.DOES_NOT_HOLD : Outcome.INCONCLUSIVE;
        String reason = outcome == Outcome.INCONCLUSIVE ? "within the noise of one transfer" : null;
        int blocks = tcp.get(0).blocks();
        String figure = "tcp / udp time per delivered block = " + Text.ratio(ratio) + ", " + Text.count(blocks)
                + " blocks of " + key + " (tcp " + Text.nanos(tcpPerBlock * blocks * 1e9) + ", udp "
                + Text.nanos(udpPerBlock * blocks * 1e9) + " for " + Text.count(blocks) + " blocks; " + losses
                + "): " + outcome.verdict() + (reason == null ? "" : " (" + reason + ")");
        return new Part(outcome, key, reason, figure, samples, repetitions, true, ratio, null);
    }

    /** Median seconds per delivered block over the transfers that delivered any; NaN if none did. */
    private static double perBlock(List<BulkTransfer> transfers) {
        double[] values = transfers.stream().filter(t -> t.delivered() > 0)
                .mapToDouble(t -> t.seconds() / t.delivered()).toArray();
        return values.length == 0 ? Double.NaN : Medians.median(values);
    }
}
