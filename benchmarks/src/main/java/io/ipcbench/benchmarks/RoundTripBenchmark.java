package io.ipcbench.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.ipcbench.transport.shm.ShmTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The round trip between two processes, one transport at a time: this process sends a message,
 * a peer process (a second JVM, the harness's own echo peer) sends it back, and JMH times the whole
 * exchange. It is the figure {@code ipcbench run} records, measured by JMH instead: where the two
 * agree, neither tool's machinery is in the number.
 *
 * <p>Two modes. {@code SampleTime} times individual round trips and reports percentiles (p50,
 * p90, p99, ...): compare its p50 with the harness's p50. {@code AverageTime} is the mean, which on
 * IPC is pulled up by the rare slow round trip (a scheduler tick, an interrupt); read it next to
 * the percentiles, never instead of them.
 *
 * <p>What to beware of:
 * <ul>
 *   <li>Placement decides the figure. Two threads on one CPU and two threads on two CPUs differ by
 *       about 3x on a small VM, and an unpinned run lands in one mode or the other from run to run.
 *       Pin with {@code -Dipcbench.pin=CLIENT,PEER} (the harness's {@code --pin}); compare only
 *       figures measured at the same placement.</li>
 *   <li>A fork starts a peer JVM (130 to 540 ms) for every transport and size; that happens in
 *       set-up, outside the measurement, but the peer's JIT is cold: the warm-up iterations warm it
 *       as well as this side.</li>
 *   <li>UDP may lose a datagram. A lost one is not a round trip: the trial fails with "no reply to
 *       message N" instead of recording a 200 ms round trip. On loopback at one message in flight
 *       this should not happen; if it does, that is itself a finding.</li>
 *   <li>On a 2-CPU box JMH's own threads, the peer's JIT and GC threads and anything else running
 *       share the two CPUs with the measured threads. Run nothing else.</li>
 *   <li>The round trip allocates nothing: run with {@code -prof gc} to see about 0 B/op.</li>
 * </ul>
 */
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
// The forks run the shm transport, whose Agrona needs a JVM flag; the host's flags reach them too.
@Fork(value = 1, jvmArgsAppend = ShmTransport.JVM_FLAG)
public class RoundTripBenchmark {

    @Benchmark
    public long roundTrip(EchoPeerState peer) throws IOException {
        return peer.roundTrip();
    }

    /*
     * ============================== HOW TO RUN THIS BENCHMARK ==============================
     *
     * Build once:
     *    $ mvn -B -DskipTests package
     *
     * Every transport at 64 B, 1 KiB and 16 KiB, this thread on CPU 0 and the peer's on CPU 1:
     *    $ java -Dipcbench.pin=0,1 -jar benchmarks/target/benchmarks.jar RoundTripBenchmark
     *
     * Two transports at 64 B, percentiles only, allocation per round trip, JSON result:
     *    $ java -Dipcbench.pin=0,1 -jar benchmarks/target/benchmarks.jar RoundTripBenchmark \
     *          -p transport=tcp,unix-stream -p size=64 -bm sample -prof gc -rf json -rff jmh.json
     *
     * Compare with the harness at the same placement:
     *    $ java -jar harness/target/ipcbench.jar run --transports tcp,unix-stream --sizes 64 --pin 0,1
     *
     * Or from an IDE, with main() below (set the placement in jvmArgsAppend).
     */
    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(RoundTripBenchmark.class.getSimpleName())
                .param("transport", "tcp", "unix-stream")
                .param("size", "64")
                .jvmArgsAppend("-D" + Pin.PROPERTY + "=0,1")
                .build();
        new Runner(options).run();
    }
}
