package io.ipcbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import io.ipcbench.os.CpuAffinity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The state a benchmark runs on, driven the way JMH drives it, without JMH. */
@Timeout(60)
class EchoPeerStateTest {
    @ParameterizedTest
    @ValueSource(strings = {"pipe", "fifo", "tcp", "udp", "unix-stream", "unix-dgram", "unix-seqpacket"})
    void roundTripsOverEveryTransport(String transport) throws IOException {
        EchoPeerState state = state(transport, 1024);
        state.startPeer();
        try {
            state.pinAndWatch();
            for (int i = 0; i < 500; i++) {
                state.roundTrip();
            }
            state.checkLastReply();
            assertEquals(500, state.roundTrips());
        } finally {
            state.stopPeer();
        }
    }

    @Test
    void pinsTheThreadThatRunsTheIteration() throws IOException {
        int cpu = CpuAffinity.allowedCpus().nextSetBit(0);
        System.setProperty(Pin.PROPERTY, cpu + "," + cpu);
        EchoPeerState state = state("unix-stream", 64);
        try {
            state.startPeer();
            state.pinAndWatch();
            assertEquals(cpu, CpuAffinity.currentCpu());
            state.roundTrip();
            state.checkLastReply();
        } finally {
            System.clearProperty(Pin.PROPERTY);
            CpuAffinity.allowAllCpus();
            state.stopPeer();
        }
    }

    /** What {@code -prof gc} shows as about 0 B/op, checked exactly on this thread. */
    @Test
    void aRoundTripAllocatesNothing() throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        EchoPeerState state = state("tcp", 64);
        state.startPeer();
        try {
            state.pinAndWatch();
            for (int i = 0; i < 20_000; i++) {
                state.roundTrip();
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            long baseline = threads.getCurrentThreadAllocatedBytes() - before;
            before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                state.roundTrip();
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before - baseline;
            assertEquals(0, allocated, "bytes allocated by 10,000 round trips");
        } finally {
            state.stopPeer();
        }
    }

    @Test
    void aLostDatagramFailsTheRoundTripInsteadOfHanging() throws Exception {
        EchoPeerState state = state("udp", 64);
        state.startPeer();
        try {
            state.pinAndWatch();
            state.roundTrip();
            signal("STOP", state.peerPid());
            IOException e = assertThrows(IOException.class, state::roundTrip);
            assertTrue(e.getMessage().contains("no reply to message 2 within 200 ms"), e.getMessage());
        } finally {
            signal("CONT", state.peerPid());
            state.stopPeer();
        }
    }

    @Test
    void aPeerThatDiesFailsTheRoundTripWithItsExitCode() throws Exception {
        EchoPeerState state = state("unix-stream", 64);
        state.startPeer();
        try {
            state.pinAndWatch();
            state.roundTrip();
            ProcessHandle peer = ProcessHandle.of(state.peerPid()).orElseThrow();
            peer.destroyForcibly();
            peer.onExit().get(10, TimeUnit.SECONDS);
            IOException e = assertThrows(IOException.class, state::roundTrip);
            assertTrue(e.getMessage().contains("the peer exited with code"), e.getMessage());
        } finally {
            state.stopPeer();
        }
    }

    @Test
    void aSizeTheTransportCannotCarryIsRefusedBeforeAPeerStarts() {
        EchoPeerState state = state("udp", 70_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, state::startPeer);
        assertTrue(e.getMessage().contains("udp cannot carry a 70000 B message"), e.getMessage());
        EchoPeerState tiny = state("tcp", 4);
        assertThrows(IllegalArgumentException.class, tiny::startPeer);
    }

    private static EchoPeerState state(String transport, int size) {
        EchoPeerState state = new EchoPeerState();
        state.transport = transport;
        state.size = size;
        state.engine = "raw";
        return state;
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        if ("STOP".equals(signal)) {
            // kill(2) only queues the signal: wait until the peer has really stopped (state T in /proc).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!stopped(pid) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(stopped(pid), "the peer did not stop");
        }
    }

    private static boolean stopped(long pid) throws IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("T");
    }
}
