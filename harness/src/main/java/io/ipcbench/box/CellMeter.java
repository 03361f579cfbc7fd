package io.ipcbench.box;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.ipcbench.results.CellLoad;
import io.ipcbench.results.CpuCost;
import io.ipcbench.results.Placement;

/**
 * Watches the box over a cell's measured part: the load average before it; both processes' CPU
 * time and context switches, the steal time of the cell's CPUs and the busy time of the others
 * during it. Started just before the measured loop and stopped just after it, so warm-up and the
 * peer's start are left out.
 */
public final class CellMeter {
    private final SystemFiles files;
    private final Placement pin;
    private final long clientPid;
    private final long peerPid;
    private final Double loadBefore;
    private final CpuTimes cpusBefore;
    private final ProcessUsage clientBefore;
    private final ProcessUsage peerBefore;

    private CellMeter(SystemFiles files, Placement pin, long clientPid, long peerPid) {
        this.files = files;
        this.pin = pin;
        this.clientPid = clientPid;
        this.peerPid = peerPid;
        this.loadBefore = BoxProbe.loadAverage(files).orElse(null);
        this.cpusBefore = CpuTimes.read(files).orElse(null);
        this.clientBefore = ProcessUsage.read(files, clientPid).orElse(null);
        this.peerBefore = ProcessUsage.read(files, peerPid).orElse(null);
    }

    /** Starts watching this process and the peer (pid -1 for a peer that is not a process of its own). */
    public static CellMeter start(Placement pin, long peerPid) {
        return start(SystemFiles.LIVE, pin, ProcessHandle.current().pid(), peerPid);
    }

    static CellMeter start(SystemFiles files, Placement pin, long clientPid, long peerPid) {
        return new CellMeter(files, pin, clientPid, peerPid);
    }

    /** Reads the box again, at the end of the measured part. */
    public Stopped stop() {
        CpuTimes cpusAfter = CpuTimes.read(files).orElse(null);
        Double steal = null;
        Double othersBusy = null;
        if (cpusBefore != null && cpusAfter != null) {
            List<Integer> used = pin.pinned() ? Stream.of(pin.client(), pin.peer()).distinct().toList()
                    : List.copyOf(cpusAfter.cpus());
            List<Integer> others = new ArrayList<>(cpusAfter.cpus());
            others.removeAll(used);
            steal = cpusAfter.stealPercentSince(cpusBefore, used);
            othersBusy = others.isEmpty() ? null : cpusAfter.busyPercentSince(cpusBefore, others);
        }
        return new Stopped(new CellLoad(loadBefore, steal, othersBusy), clientBefore,
                ProcessUsage.read(files, clientPid).orElse(null), peerBefore, ProcessUsage.read(files, peerPid).orElse(null));
    }

    /** The box's readings at both ends of the measured part. */
    public static final class Stopped {
        private final CellLoad load;
        private final ProcessUsage clientBefore;
        private final ProcessUsage clientAfter;
        private final ProcessUsage peerBefore;
        private final ProcessUsage peerAfter;

        /** The process readings are null where they could not be read. */
        Stopped(CellLoad load, ProcessUsage clientBefore, ProcessUsage clientAfter, ProcessUsage peerBefore,
                ProcessUsage peerAfter) {
            this.load = load;
            this.clientBefore = clientBefore;
            this.clientAfter = clientAfter;
            this.peerBefore = peerBefore;
            this.peerAfter = peerAfter;
        }

        public CellLoad load() {
            return load;
        }

        /** Both sides' cost over the measured part, per message; null when this process's own cannot be read. */
        public CpuCost cpuCost(long messages) {
            if (clientBefore == null || clientAfter == null) {
                return null;
            }
            return CpuCost.of(messages, clientAfter.costSince(clientBefore, messages),
                    peerBefore != null && peerAfter != null ? peerAfter.costSince(peerBefore, messages) : null);
        }
    }
}
