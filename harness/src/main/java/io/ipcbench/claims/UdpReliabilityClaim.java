package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.ipcbench.command.Advice;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.DatagramCounts;

/**
 * udp-same-host-reliable: counts, not a comparison. One lost (never seen), duplicated or reordered
 * datagram in any successful udp cell refutes the claim, whatever the placement; a ping-pong reply
 * that came after the receive timeout is late, not lost, and does not. No losses in ping-pong alone
 * is not enough to confirm it: ping-pong never lets the sender outrun the receiver, so without a
 * flood (a throughput cell) the verdict is inconclusive.
 */
final class UdpReliabilityClaim implements ClaimEvaluator {
    private static final Claim CLAIM = Claim.UDP_SAME_HOST_RELIABLE;
    private static final String UDP = "udp";
    private static final Needs NEEDS = new Needs("udp cells with datagram counts, ping-pong in latency mode and a "
            + "flood in throughput mode", Advice.run("--transports", UDP).with(Advice.THROUGHPUT));

    @Override
    public Needs needs() {
        return NEEDS;
    }

    @Override
    public ClaimVerdict evaluate(Evidence evidence) {
        List<CellResult> cells = evidence.cells().stream()
                .filter(c -> c.ok() && UDP.equals(c.transport()) && c.datagrams() != null).toList();
        List<String> figures = new ArrayList<>();
        for (CellResult cell : evidence.failed(List.of(UDP))) {
            // A failed cell's counts may count a dead peer's silence as loss: shown, never used.
            DatagramCounts d = cell.datagrams();
            String counts = d == null || d.describe() == null ? "" : " (its counts, " + d.describe() + ")";
            figures.add("not used: " + Evidence.cellName(cell) + " failed: " + cell.error() + counts);
        }
        if (cells.isEmpty()) {
            return Verdicts.notMeasured(CLAIM, NEEDS.text(), figures, Scope.box(evidence));
        }
        long sent = 0;
        long lost = 0;
        long duplicated = 0;
        long reordered = 0;
        long late = 0;
        boolean flood = false;
        Set<String> badWhere = new LinkedHashSet<>();
        for (CellResult cell : cells) {
            DatagramCounts d = cell.datagrams();
            sent += d.sent();
            lost += d.lost();
            duplicated += d.duplicated();
            reordered += d.reordered();
            late += d.late();
            boolean isFlood = cell.cellMode() == CellMode.THROUGHPUT;
            flood |= isFlood;
            String where = (isFlood ? "flood" : cell.rate() != null ? "rate " + cell.rate().requested().text()
                    : "ping-pong") + " at " + Text.size(cell.size());
            if (d.lost() + d.duplicated() + d.reordered() > 0) {
                badWhere.add(where);
            }
            figures.add(String.format(Locale.ROOT, "udp %s, %s, placement %s, r%d: %s sent, %s received, %s lost, "
                            + "%s duplicated, %s reordered, %s late", where, Text.connections(cell.connections()),
                    CellGroup.placementOf(cell), cell.repetition(), Text.count(d.sent()), Text.count(d.received()),
                    Text.count(d.lost()), Text.count(d.duplicated()), Text.count(d.reordered()),
                    Text.count(d.late())));
        }
        int repetitions = (int) cells.stream().mapToInt(CellResult::repetition).distinct().count();
        String scope = scope(cells, evidence);
        String totals = Text.count(lost) + " lost, " + Text.count(duplicated) + " duplicated and "
                + Text.count(reordered) + " reordered of " + Text.count(sent) + " datagrams sent";
        if (late > 0) {
            // Late is not lost: the datagram came, after the client had stopped waiting for it.
            figures.add(Text.count(late) + " ping-pong replies came after the receive timeout (late, not lost): "
                    + "counted once, and not against the claim");
        }
        if (lost + duplicated + reordered > 0) {
            return ClaimVerdict.ofCounts(CLAIM.id(), CLAIM.text(), ClaimVerdict.DOES_NOT_HOLD,
                    "UDP on loopback: " + totals + " (in " + Text.list(List.copyOf(badWhere)) + ").",
                    List.copyOf(figures), sent, repetitions, scope);
        }
        if (!flood) {
            boolean floodFailed = evidence.failed(List.of(UDP)).stream()
                    .anyMatch(c -> c.cellMode() == CellMode.THROUGHPUT);
            return ClaimVerdict.ofCounts(CLAIM.id(), CLAIM.text(), ClaimVerdict.INCONCLUSIVE,
                    "No drops, duplicates or reordering in " + Text.count(sent) + " ping-pong datagrams, but "
                            + "ping-pong never outruns the receiver; the flood (udp in throughput mode) "
                            + (floodFailed ? "failed (see the figures)." : "was not measured."),
                    List.copyOf(figures), sent, repetitions, scope);
        }
        return ClaimVerdict.ofCounts(CLAIM.id(), CLAIM.text(), ClaimVerdict.HOLDS,
                "No drops, duplicates or reordering in " + Text.count(sent) + " datagrams, in ping-pong and in "
                        + "a flood.", List.copyOf(figures), sent, repetitions, scope);
    }

    private static String scope(List<CellResult> cells, Evidence evidence) {
        List<String> modes = Verdicts.distinct(cells.stream().map(CellResult::mode).toList());
        List<String> sizes = cells.stream().map(CellResult::size).distinct().sorted().map(Text::size).toList();
        List<String> placements = Verdicts.distinct(cells.stream().map(CellGroup::placementOf).toList());
        return "udp " + String.join(" and ", modes) + " cells; sizes " + String.join(", ", sizes) + "; placement "
                + String.join("; ", placements) + "; " + Scope.box(evidence);
    }
}
