package io.ipcbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/** The JMH estimate counts what JMH would run, with the settings JMH would use: arguments over annotations. */
class JmhPlanTest {
    @Test
    void argumentsSetTheRunsAndTheirIterations() throws Exception {
        JmhPlan plan = JmhPlan.of("RoundTripBenchmark", "-p", "transport=tcp,udp,unix-stream", "-p", "size=64,1024",
                "-bm", "sample", "-wi", "2", "-w", "1s", "-i", "3", "-r", "1s");

        assertEquals(6, plan.runs(), "3 transports x 2 sizes, one mode");
        assertEquals(Duration.ofSeconds(6 * 5), plan.iterations(), "2 x 1 s of warm-up and 3 x 1 s measured each");
        assertEquals(JmhPlan.START.plus(Duration.ofSeconds(6 * 5)).plus(JmhPlan.FORK_OVERHEAD.multipliedBy(6)),
                plan.total());
    }

    @Test
    void whatIsNotGivenComesFromTheAnnotations() throws Exception {
        // RoundTripBenchmark: two modes, 3 warm-up iterations of 1 s, 5 of 2 s, one fork, three sizes.
        JmhPlan plan = JmhPlan.of("RoundTripBenchmark", "-p", "transport=tcp");

        assertEquals(2 * 3, plan.runs());
        assertEquals(Duration.ofSeconds(2 * 3 * 13), plan.iterations());
    }

    @Test
    void itSaysHowManyRunsAndAboutHowLong() throws Exception {
        assertEquals("1 benchmark run, about 8 s", JmhPlan.of("RoundTripBenchmark", "-p", "transport=tcp", "-p",
                "size=64", "-bm", "avgt", "-wi", "1", "-w", "3s", "-i", "1", "-r", "3s").describe());
    }

    @Test
    void aBadArgumentIsRefused() {
        assertThrows(CommandLineOptionException.class, () -> JmhPlan.of("-wi", "many"));
    }
}
