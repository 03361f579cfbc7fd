package io.ipcbench.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import io.ipcbench.results.CellLoad;
import io.ipcbench.results.CpuCost;
import io.ipcbench.results.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell's CPU cost and the box's load from a fake /proc that moves between the start and the stop:
 * every figure is the difference, in the right unit, divided by the right count.
 */
@Timeout(10)
class CellMeterTest {
    private static final long CLIENT = 100;
    private static final long PEER = 200;

    @TempDir
    Path root;

    /** /proc/<pid>/stat with utime and stime at fields 14 and 15, behind a command name with spaces and parentheses. */
    private static String stat(long pid, long userTicks, long systemTicks) {
        return pid + " (java (ipcbench) x) S 1 " + pid + " " + pid + " 0 -1 4194560 100 0 0 0 " + userTicks + " "
                + systemTicks + " 0 0 20 0 30 0 1234 5000000 300";
    }

    private static String status(long voluntary, long involuntary) {
        return "Name:\tjava\nState:\tS (sleeping)\nvoluntary_ctxt_switches:\t" + voluntary
                + "\nnonvoluntary_ctxt_switches:\t" + involuntary;
    }

    /** cpuN user nice system idle iowait irq softirq steal guest guest_nice. */
    private static String procStat(long[]... cpus) {
        StringBuilder text = new StringBuilder("cpu  1 1 1 1 1 1 1 1 0 0\n");
        for (int i = 0; i < cpus.length; i++) {
            text.append("cpu").append(i);
            for (long ticks : cpus[i]) {
                text.append(' ').append(ticks);
            }
            text.append(" 0 0\n");
        }
        return text.append("intr 12345\nctxt 999").toString();
    }

    @Test
    void costsAndLoadAreTheDifferencesOverTheMeasuredPart() {
        FakeSystem box = new FakeSystem(root)
                .file("/proc/loadavg", "1.50 1.00 0.50 2/100 999")
                .file("/proc/stat", procStat(new long[] {100, 0, 50, 800, 0, 0, 0, 50},
                        new long[] {100, 0, 50, 800, 0, 0, 0, 50}, new long[] {0, 0, 0, 1000, 0, 0, 0, 0}))
                .file("/proc/" + CLIENT + "/stat", stat(CLIENT, 1_000, 500))
                .file("/proc/" + CLIENT + "/task/100/status", status(10, 1))
                .file("/proc/" + CLIENT + "/task/101/status", status(500, 50))
                .file("/proc/" + PEER + "/stat", stat(PEER, 70, 30))
                .file("/proc/" + PEER + "/task/200/status", status(5, 0));
        CellMeter meter = CellMeter.start(box.files(), new Placement(0, 1), CLIENT, PEER);

        // 1 s on each CPU: CPUs 0 and 1 had 6 and 4 ticks stolen of 100 each; CPU 2 ran 30 of its 100.
        box.file("/proc/loadavg", "9.99 1.00 0.50 2/100 999")
                .file("/proc/stat", procStat(new long[] {130, 0, 70, 844, 0, 0, 0, 56},
                        new long[] {130, 0, 70, 846, 0, 0, 0, 54}, new long[] {20, 0, 5, 1070, 0, 0, 5, 0}))
                .file("/proc/" + CLIENT + "/stat", stat(CLIENT, 1_030, 520))
                .file("/proc/" + CLIENT + "/task/100/status", status(410, 21))
                .file("/proc/" + CLIENT + "/task/102/status", status(90, 9))
                .file("/proc/" + PEER + "/stat", stat(PEER, 80, 70))
                .file("/proc/" + PEER + "/task/200/status", status(1_005, 10));
        CellMeter.Stopped stopped = meter.stop();

        CellLoad load = stopped.load();
        assertEquals(1.50, load.loadAverageBefore(), "the load before, not after");
        assertEquals(5.0, load.stealPercent(), 1e-9, "10 ticks stolen of 200");
        assertEquals(30.0, load.otherCpusBusyPercent(), 1e-9, "user, system and softirq of CPU 2");

        CpuCost cost = stopped.cpuCost(1_000);
        assertEquals(300_000_000L, cost.client().userNs(), "30 ticks of 10 ms");
        assertEquals(200_000_000L, cost.client().systemNs());
        // Thread 100 switched 400 + 20 times; 101 ended (its switches are not counted); 102 began: 90 + 9.
        assertEquals(490, cost.client().voluntarySwitches());
        assertEquals(29, cost.client().involuntarySwitches());
        assertEquals(500.0, cost.client().cpuMicrosPerMessage(), 1e-9);
        assertEquals(0.519, cost.client().contextSwitchesPerMessage(), 1e-9);
        assertEquals(100_000_000L, cost.peer().userNs());
        assertEquals(400_000_000L, cost.peer().systemNs());
        assertEquals(1_010, cost.peer().contextSwitches());
        assertEquals(1_000.0, cost.cpuMicrosPerMessage(), 1e-9, "(500 + 500) ms over 1,000 messages");
        assertEquals(1.529, cost.contextSwitchesPerMessage(), 1e-9);
        assertEquals(1_000, cost.messages());
    }

    @Test
    void withoutAPeerProcessOrMessagesThereIsNoFigurePerMessage() {
        FakeSystem box = new FakeSystem(root)
                .file("/proc/" + CLIENT + "/stat", stat(CLIENT, 10, 10))
                .file("/proc/" + CLIENT + "/task/100/status", status(1, 1));
        CellMeter.Stopped stopped = CellMeter.start(box.files(), Placement.UNPINNED, CLIENT, -1).stop();

        CpuCost cost = stopped.cpuCost(500);
        assertNull(cost.peer());
        assertNull(cost.cpuMicrosPerMessage(), "one side's cost is not the round trip's");
        assertNull(stopped.cpuCost(0).client().cpuMicrosPerMessage());
        assertNull(stopped.load().stealPercent(), "no /proc/stat: unknown");
        assertNull(stopped.load().loadAverageBefore());
    }

    @Test
    void aPlacementOnEveryCpuLeavesNoOtherCpus() {
        FakeSystem box = new FakeSystem(root).file("/proc/stat", procStat(new long[] {1, 0, 1, 10, 0, 0, 0, 0},
                new long[] {1, 0, 1, 10, 0, 0, 0, 0}));
        CellMeter meter = CellMeter.start(box.files(), new Placement(0, 1), CLIENT, PEER);
        box.file("/proc/stat", procStat(new long[] {2, 0, 1, 19, 0, 0, 0, 0}, new long[] {2, 0, 1, 19, 0, 0, 0, 0}));

        CellLoad load = meter.stop().load();
        assertEquals(0.0, load.stealPercent());
        assertNull(load.otherCpusBusyPercent());
    }
}
