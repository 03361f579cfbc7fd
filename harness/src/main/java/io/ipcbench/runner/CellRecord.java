package io.ipcbench.runner;

import io.ipcbench.box.CellMeter;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.ConnectSetUp;
import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.IntegrityErrors;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.OfferedLoad;
import io.ipcbench.results.Placement;
import io.ipcbench.results.SocketBuffers;
import io.ipcbench.results.Spread;
import io.ipcbench.results.Throughput;
import io.ipcbench.results.Warmup;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.TransportKind;

/**
 * What a cell has gathered so far; whatever stage it fails at, this becomes its result. Each
 * {@link CellKind} fills in what its mode measures; the rest keeps the value of a cell that
 * measured nothing.
 */
final class CellRecord {
    final CellPlan.Cell planned;
    Warmup warmup = new Warmup(0, 0, 0);
    LatencySummary latency = LatencySummary.EMPTY;
    /** The interval log's file name, once the log is written. */
    String histogramLog;
    DatagramCounts datagrams = new DatagramCounts(0, 0, 0, 0, 0, 0);
    IntegrityErrors errors = IntegrityErrors.NONE;
    double roundTripsPerSec;
    Spread perConnectionP99;
    Throughput throughput;
    OfferedLoad rate;
    Connection.BufferSizes bufferSizes;
    /** Connections and datagrams turned away while the peer was awaited. */
    int strangers;
    /** A connect cell's connect alone, closer and TIME_WAIT. */
    ConnectSetUp setUp;
    String watchdogVerdict;
    String failure;
    CellMeter.Stopped box;

    CellRecord(CellPlan.Cell planned) {
        this.planned = planned;
    }

    /** @param link the link the cell crossed (see {@link CellResult#link()}) */
    CellResult toResult(Placement placement, String link) {
        TransportKind kind = planned.transport();
        // CPU time is per message: per round trip, or per message received one way.
        long messages = throughput != null ? throughput.messages() : latency.count();
        return new CellResult(kind.label(), planned.variant(), planned.engine().label(), planned.mode().label(),
                planned.size(), planned.connections(), planned.repetition(), placement,
                failure == null ? CellResult.OK : CellResult.FAILED, failure, warmup, latency, histogramLog,
                kind.preservesBoundaries() ? datagrams : null, errors, roundTripsPerSec, perConnectionP99, throughput,
                rate, bufferSizes == null ? null : new SocketBuffers(bufferSizes.send(), bufferSizes.receive()), null,
                box == null ? null : box.cpuCost(messages), box == null ? null : box.load(), link, strangers, setUp);
    }
}
