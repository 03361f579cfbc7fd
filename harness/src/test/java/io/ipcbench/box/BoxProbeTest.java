package io.ipcbench.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.ipcbench.results.Box;
import io.ipcbench.results.Box.CpuState;
import io.ipcbench.results.CpuList;
import io.ipcbench.results.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The box as read from fake /proc and /sys trees: every fact from its file, and unknown where a file is missing. */
@Timeout(10)
class BoxProbeTest {
    @TempDir
    Path root;

    /** Two hyperthreads of core 0 (CPUs 0 and 2) and CPU 1 on core 1, one package sharing L3. */
    private FakeSystem smtBox() {
        return new FakeSystem(root)
                .cpu(0, "performance", "0,2", 0, 0)
                .cpu(1, "powersave", "1,3", 1, 0)
                .cpu(2, "performance", "0,2", 0, 0)
                .cache(0, 0, 1, "Data", "0,2")
                .cache(0, 1, 2, "Unified", "0,2")
                .cache(0, 2, 3, "Unified", "0-3")
                .file("/sys/devices/system/cpu/online", "0-3")
                .file("/sys/devices/system/cpu/intel_pstate/no_turbo", "0")
                .file("/proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme hypervisor sse2\n")
                .file("/sys/class/dmi/id/sys_vendor", "QEMU")
                .file("/sys/class/dmi/id/product_name", "Standard PC (Q35 + ICH9, 2009)")
                .file("/sys/devices/system/cpu/vulnerabilities/meltdown", "Not affected")
                .file("/sys/devices/system/cpu/vulnerabilities/spectre_v2", "Mitigation: Retpolines")
                .file("/proc/cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/sda1 isolcpus=2,3 mitigations=off quiet")
                .file("/sys/kernel/mm/transparent_hugepage/enabled", "always [madvise] never")
                .file("/proc/sys/net/ipv4/tcp_rmem", "4096\t131072\t6291456")
                .file("/proc/sys/net/ipv4/tcp_wmem", "4096\t16384\t4194304")
                .file("/proc/sys/net/ipv4/tcp_autocorking", "1")
                .file("/proc/loadavg", "0.42 0.30 0.20 1/123 4567");
    }

    @Test
    void describesEachPinnedCpu() {
        Box box = new BoxProbe(smtBox().files()).read(new Placement(0, 1));

        assertEquals(2, box.cpus().size());
        CpuState client = box.cpus().get(0);
        CpuState peer = box.cpus().get(1);
        assertEquals(List.of(0, 1), List.of(client.cpu(), peer.cpu()));
        assertEquals("client", client.role());
        assertEquals("peer", peer.role());
        assertEquals("performance", client.governor());
        assertEquals("powersave", peer.governor());
        assertEquals(2_100_000L, peer.currentKhz());
        assertEquals(800_000L, peer.minKhz());
        assertEquals(3_500_000L, peer.maxKhz());
        assertEquals("C1", peer.deepestIdleState(), "C6 is disabled, so C1 is the deepest a CPU goes");
        assertEquals(2L, peer.deepestIdleLatencyMicros());
    }

    @Test
    void smtSiblingsShareTheirCoreAndCaches() {
        Box box = new BoxProbe(smtBox().files()).read(new Placement(0, 2));

        assertTrue(box.pair().smtSiblings());
        assertTrue(box.pair().samePackage());
        assertEquals(List.of("L1 Data", "L2 Unified", "L3 Unified"), box.pair().sharedCaches());
    }

    @Test
    void cpusOfDifferentCoresShareOnlyTheLastLevelCache() {
        Box box = new BoxProbe(smtBox().files()).read(new Placement(0, 1));

        assertFalse(box.pair().smtSiblings());
        assertTrue(box.pair().samePackage());
        assertEquals(List.of("L3 Unified"), box.pair().sharedCaches());
    }

    @Test
    void readsTheRestOfTheBox() {
        Box box = new BoxProbe(smtBox().files()).read(new Placement(0, 1));

        assertEquals("on", box.turbo());
        assertEquals("QEMU Standard PC (Q35 + ICH9, 2009)", box.hypervisor());
        assertEquals(Map.of("meltdown", "Not affected", "spectre_v2", "Mitigation: Retpolines"), box.vulnerabilities());
        assertEquals(Map.of("isolcpus", "2,3", "nohz_full", Box.NOT_SET, "mitigations", "off"), box.kernelParameters());
        assertEquals("madvise", box.transparentHugePages());
        assertEquals(Map.of("net.ipv4.tcp_rmem", "4096 131072 6291456", "net.ipv4.tcp_wmem", "4096 16384 4194304",
                "net.ipv4.tcp_autocorking", "1"), box.tcpSettings());
        assertEquals(0.42, box.loadAverage());
    }

    @Test
    void anUnpinnedRunDescribesEveryOnlineCpu() {
        Box box = new BoxProbe(smtBox().files()).read(Placement.UNPINNED);

        assertEquals(List.of(0, 1, 2, 3), box.cpus().stream().map(CpuState::cpu).toList());
        assertNull(box.cpus().get(0).role());
        assertNull(box.pair());
    }

    @Test
    void aBareMetalBoxWithoutTheFlagHasNoHypervisorAndXenNamesItself() {
        FakeSystem bare = new FakeSystem(root).file("/proc/cpuinfo", "flags\t\t: fpu vme sse2");
        assertEquals(Box.NONE, new BoxProbe(bare.files()).read(new Placement(0, 0)).hypervisor());

        bare.file("/sys/hypervisor/type", "xen");
        assertEquals("xen", new BoxProbe(bare.files()).read(new Placement(0, 0)).hypervisor());
    }

    @Test
    void missingFilesAreUnknownNeverAnError() {
        Box box = new BoxProbe(new SystemFiles(root.resolve("nothing-here"))).read(new Placement(0, 1));

        CpuState client = box.cpus().get(0);
        assertEquals(Box.UNKNOWN, client.governor());
        assertNull(client.currentKhz());
        assertEquals(Box.UNKNOWN, client.deepestIdleState());
        assertNull(box.pair().smtSiblings());
        assertNull(box.pair().samePackage());
        assertNull(box.pair().sharedCaches());
        assertEquals(Box.UNKNOWN, box.turbo());
        assertEquals(Box.UNKNOWN, box.hypervisor());
        assertEquals(Map.of(), box.vulnerabilities());
        assertEquals(Box.UNKNOWN, box.kernelParameters().get("isolcpus"));
        assertEquals(Box.UNKNOWN, box.transparentHugePages());
        assertEquals(Box.UNKNOWN, box.tcpSettings().get("net.ipv4.tcp_rmem"));
        assertNull(box.loadAverage());
    }

    @Test
    void aCpuListNamesEveryCpuInItsRangesAndPassesOverFlags() {
        assertEquals(List.of(0, 1, 2, 3, 8, 10, 11), CpuList.parse("0-3,8,10-11"));
        assertEquals(List.of(2, 3), CpuList.parse("domain,managed_irq,2-3"));
        assertEquals(List.of(), CpuList.parse(""));
    }
}
