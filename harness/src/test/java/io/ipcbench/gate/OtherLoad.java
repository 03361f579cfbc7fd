package io.ipcbench.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the box was with work that is not this test's, from {@code /proc/stat} (all CPUs,
 * steal included: a VM's neighbours) less {@code /proc/self/stat} (this JVM and the peers it has
 * reaped). Two runs of the same build can only be expected to agree on a box nobody else is using.
 */
final class OtherLoad {
    private final long busyTicks;
    private final long allTicks;
    private final long ownTicks;

    private OtherLoad(long busyTicks, long allTicks, long ownTicks) {
        this.busyTicks = busyTicks;
        this.allTicks = allTicks;
        this.ownTicks = ownTicks;
    }

    /** Now; null where /proc cannot be read, so a caller can say so instead of guessing. */
    static OtherLoad now() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long user = Long.parseLong(cpu[1]);
            long nice = Long.parseLong(cpu[2]);
            long system = Long.parseLong(cpu[3]);
            long idle = Long.parseLong(cpu[4]);
            long iowait = Long.parseLong(cpu[5]);
            long irq = Long.parseLong(cpu[6]);
            long softirq = Long.parseLong(cpu[7]);
            long steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
            // Interrupt time is left out: on this test's loopback ping-pong most of it is its own
            // network stack work, which the kernel charges to no process.
            long busy = user + nice + system + steal;
            String self = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which may hold spaces: state is field 3, utime 14 .. cstime 17.
            String[] fields = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
            long own = 0;
            for (int i = 11; i <= 14; i++) {
                own += Long.parseLong(fields[i]);
            }
            return new OtherLoad(busy, busy + idle + iowait + irq + softirq, own);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** CPUs' worth of other work between {@code start} and this snapshot, e.g. 0.05 or 1.3. */
    double otherCpusSince(OtherLoad start) {
        int cpus = Runtime.getRuntime().availableProcessors();
        double elapsedTicksPerCpu = (allTicks - start.allTicks) / (double) Math.max(1, cpus);
        if (elapsedTicksPerCpu <= 0) {
            return 0;
        }
        long other = (busyTicks - start.busyTicks) - (ownTicks - start.ownTicks);
        return Math.max(0, other) / elapsedTicksPerCpu;
    }
}
