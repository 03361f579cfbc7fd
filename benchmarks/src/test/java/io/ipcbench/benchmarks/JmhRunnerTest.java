package io.ipcbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Proves the module works from a clean clone: the annotation processor ran (else JMH finds no
 * benchmarks), a fork starts, the peer starts and answers, and JMH gets a result. Not a timing.
 */
class JmhRunnerTest {
    @Test
    @Timeout(120)
    void runsTheRoundTripBenchmarkOverTcpThroughJmh() throws Exception {
        Options options = new OptionsBuilder()
                .include(RoundTripBenchmark.class.getName() + ".roundTrip$")
                .param("transport", "tcp")
                .param("size", "64")
                .mode(Mode.SampleTime)
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(300))
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        assertEquals(1, results.size(), "one benchmark, one parameter set");
        RunResult result = results.iterator().next();
        assertEquals("tcp", result.getParams().getParam("transport"));
        assertFalse(result.getBenchmarkResults().isEmpty());
        assertTrue(result.getPrimaryResult().getScore() > 0, "score " + result.getPrimaryResult().getScore());
        assertTrue(result.getPrimaryResult().getStatistics().getN() > 0, "no round trip was sampled");
    }
}
