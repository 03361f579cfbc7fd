package io.ipcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.ipcbench.command.ExitCode;
import io.ipcbench.os.CpuAffinity;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.results.BoxWarnings;
import io.ipcbench.results.Environment;
import io.ipcbench.results.Placement;
import io.ipcbench.runner.EnvironmentProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ipcbench doctor} on this box: the facts a run records and the same warnings, without running anything. */
@Timeout(30)
class DoctorCommandTest {
    @Test
    void printsTheBoxAndTheWarningsARunWouldPrint() {
        int cpu = CpuAffinity.allowedCpus().nextSetBit(0);
        CommandRun run = CommandRun.of("doctor", "--pin", cpu + "," + cpu);

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("ipcbench doctor: the box as a run pinned to " + cpu + "," + cpu), run.out());
        for (String label : List.of("kernel", "clock source", "client and peer CPU", "turbo", "the two CPUs",
                "hypervisor", "kernel parameters", "CPU vulnerabilities", "transparent huge pages", "TCP settings",
                "peer JVM flags")) {
            assertTrue(run.out().contains("\n  " + label + " "), "row " + label + " in:\n" + run.out());
        }
        Environment environment = EnvironmentProbe.capture(new Placement(cpu, cpu),
                ProcessPeerLauncher.DEFAULT_JVM_OPTIONS);
        List<String> printed = run.out().lines().filter(line -> line.startsWith("warning: "))
                .map(line -> line.substring("warning: ".length())).toList();
        // The load average may move between the two readings; every other warning is the same.
        assertEquals(without(BoxWarnings.ofBox(environment), "the load average"), without(printed, "the load average"));
    }

    private static List<String> without(List<String> warnings, String prefix) {
        return warnings.stream().filter(w -> !w.startsWith(prefix)).toList();
    }

    @Test
    void theDefaultPlacementIsTheFirstTwoCpusThisProcessMayUse() {
        Placement placement = DoctorCommand.defaultPlacement();
        assertTrue(CpuAffinity.isAllowed(placement.client()));
        assertTrue(CpuAffinity.isAllowed(placement.peer()));
        assertEquals(CpuAffinity.allowedCpus().nextSetBit(0), placement.client());
    }

    @Test
    void aBadPinIsOneLineAndExitTwo() {
        CommandRun run = CommandRun.of("doctor", "--pin", "0,9999");

        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals("", run.out());
    }
}
