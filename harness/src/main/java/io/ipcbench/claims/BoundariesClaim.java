package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.ipcbench.command.Advice;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.ProbeResults.BoundaryProbe;
import io.ipcbench.transport.TransportKind;

/**
 * boundaries: from the boundary probe (several writes, and how the reads on the other side split
 * them). The claim stands or falls on the message transports keeping every boundary. A byte stream
 * that happened to return one read per write does not refute its half: a stream promises no
 * boundaries, it does not promise to lose them; its merges and splits are shown as figures.
 */
final class BoundariesClaim implements ClaimEvaluator {
    private static final Claim CLAIM = Claim.BOUNDARIES;
    private static final Needs NEEDS = new Needs("the boundary probe", Advice.PROBES);

    /**
     * The kinds the claim is about on its message side: sockets that keep boundaries (datagram,
     * seqpacket). shm keeps them too, but it is no socket: its probe is shown, not counted.
     */
    private static boolean isMessageSocket(TransportKind kind) {
        return kind.preservesBoundaries() && kind.carrier() == TransportKind.Carrier.SOCKET;
    }

    private static List<String> messageTransports() {
        return Arrays.stream(TransportKind.values()).filter(BoundariesClaim::isMessageSocket)
                .map(TransportKind::label).toList();
    }

    /** Whether the transport of this label is a socket that keeps boundaries; a label no kind has is not. */
    static boolean isMessageTransport(String transport) {
        return TransportKind.find(transport).map(BoundariesClaim::isMessageSocket).orElse(false);
    }

    /** Whether the transport of this label is a byte stream, as its kind says; a label no kind has is not. */
    static boolean isByteStream(String transport) {
        return TransportKind.find(transport).map(kind -> !kind.preservesBoundaries()).orElse(false);
    }

    @Override
    public Needs needs() {
        return NEEDS;
    }

    @Override
    public ClaimVerdict evaluate(Evidence evidence) {
        List<BoundaryProbe> probes = evidence.probes().boundaries();
        if (probes.isEmpty()) {
            return Verdicts.notMeasured(CLAIM, NEEDS.text(), List.of(), Scope.box(evidence));
        }
        List<String> figures = new ArrayList<>();
        List<String> messageKept = new ArrayList<>();
        List<String> messageLost = new ArrayList<>();
        List<String> streamsMerged = new ArrayList<>();
        long writes = 0;
        for (BoundaryProbe probe : probes) {
            List<Integer> w = probe.writes() == null ? List.of() : probe.writes();
            List<Integer> r = probe.reads() == null ? List.of() : probe.reads();
            writes += w.size();
            figures.add(describe(probe, w, r));
            if (isMessageTransport(probe.transport())) {
                (probe.boundariesKept() ? messageKept : messageLost).add(probe.transport());
            } else if (isByteStream(probe.transport()) && !probe.boundariesKept()) {
                streamsMerged.add(probe.transport());
            }
        }
        String scope = Scope.probe("boundary probe of " + String.join(", ",
                probes.stream().map(BoundaryProbe::transport).toList()), evidence);
        if (!messageLost.isEmpty()) {
            return verdict(ClaimVerdict.DOES_NOT_HOLD, Text.list(messageLost) + " did not keep every message "
                    + "boundary: a read returned part of a write or more than one.", figures, writes, scope);
        }
        if (messageKept.isEmpty()) {
            return verdict(ClaimVerdict.INCONCLUSIVE, "No datagram or seqpacket socket was probed; the claim rests on "
                    + Text.list(messageTransports()) + " keeping boundaries.", figures, writes, scope);
        }
        String streams = streamsMerged.isEmpty()
                ? " The byte streams probed happened to return one read per write this time; they promise nothing."
                : " " + Text.list(streamsMerged) + " merged or split writes, as byte streams may.";
        return verdict(ClaimVerdict.HOLDS, Text.list(messageKept) + " returned exactly one read per write."
                + streams, figures, writes, scope);
    }

    private static ClaimVerdict verdict(String verdict, String summary, List<String> figures, long samples,
                                        String scope) {
        return ClaimVerdict.ofCounts(CLAIM.id(), CLAIM.text(), verdict, summary, figures, samples, 1, scope);
    }

    /** "tcp: 4 writes (100, 200, 300, 400 B) came out as 2 reads (300, 700 B): boundaries lost". */
    private static String describe(BoundaryProbe probe, List<Integer> writes, List<Integer> reads) {
        String outcome;
        if (probe.boundariesKept()) {
            outcome = isByteStream(probe.transport())
                    ? "one read per write this time (a byte stream does not promise it)" : "boundaries kept";
        } else {
            outcome = "boundaries lost";
        }
        return probe.transport() + ": " + writes.size() + " writes (" + bytes(writes) + ") came out as "
                + reads.size() + (reads.size() == 1 ? " read (" : " reads (") + bytes(reads) + "): " + outcome;
    }

    private static String bytes(List<Integer> sizes) {
        return String.join(", ", sizes.stream().map(String::valueOf).toList()) + " B";
    }
}
