package io.ipcbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipcbench.os.CpuAffinity;
import io.ipcbench.results.Placement;
import org.junit.jupiter.api.Test;

class PinTest {
    @Test
    void absentOrBlankMeansUnpinned() {
        assertEquals(Placement.UNPINNED, Pin.parse(null));
        assertEquals(Placement.UNPINNED, Pin.parse(" "));
    }

    @Test
    void clientThenPeerAsInTheHarness() {
        int cpu = CpuAffinity.allowedCpus().nextSetBit(0);
        assertEquals(new Placement(cpu, cpu), Pin.parse(cpu + "," + cpu));
        assertEquals(new Placement(cpu, cpu), Pin.parse(" " + cpu + " , " + cpu + " "));
    }

    @Test
    void malformedValuesAreRefusedWithTheExpectedForm() {
        for (String bad : new String[] {"0", "0,1,2", "a,b", "0;1", "0,"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pin.parse(bad), bad);
            assertTrue(e.getMessage().contains("CLIENT,PEER"), e.getMessage());
        }
    }

    @Test
    void aCpuThisProcessCannotUseIsRefused() {
        int missing = CpuAffinity.allowedCpus().length() + 1000;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pin.parse("0," + missing));
        assertTrue(e.getMessage().contains("CPU " + missing + " is not available"), e.getMessage());
    }
}
