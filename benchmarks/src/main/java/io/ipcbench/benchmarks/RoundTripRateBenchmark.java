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
 * Round trips per second over one connection, one message in flight: how many request/response
 * exchanges a single synchronous client gets through a transport. JMH's {@code Throughput} mode,
 * in operations per second, where an operation is one whole round trip (send, echo, receive).
 *
 * <p>This is not one-way throughput. With one message in flight the rate is simply the reciprocal
 * of the mean round trip ({@link RoundTripBenchmark} in {@code AverageTime}), and it says nothing
 * about how many bytes a sender can push when it does not wait for answers (the claim that Unix
 * sockets move more data per second than TCP). The harness measures that in its throughput cells
 * ({@code ipcbench run --throughput-sizes}), where the peer sends one way and this side only
 * receives; there is no JMH benchmark of it.
 *
 * <p>What to beware of: everything {@link RoundTripBenchmark} warns about (placement above all;
 * pin with {@code -Dipcbench.pin=CLIENT,PEER}), and that a rate hides the distribution: a
 * transport can win here on the mean and still lose at p99.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
// The forks run the shm transport, whose Agrona needs a JVM flag; the host's flags reach them too.
@Fork(value = 1, jvmArgsAppend = ShmTransport.JVM_FLAG)
public class RoundTripRateBenchmark {

    @Benchmark
    public long roundTrips(EchoPeerState peer) throws IOException {
        return peer.roundTrip();
    }

    /*
     * ============================== HOW TO RUN THIS BENCHMARK ==============================
     *
     * Build once:
     *    $ mvn -B -DskipTests package
     *
     * Round trips per second for every transport and size, pinned to CPUs 0 and 1:
     *    $ java -Dipcbench.pin=0,1 -jar benchmarks/target/benchmarks.jar RoundTripRateBenchmark
     *
     * Pipes against Unix stream sockets, 64 B, JSON result:
     *    $ java -Dipcbench.pin=0,1 -jar benchmarks/target/benchmarks.jar RoundTripRateBenchmark \
     *          -p transport=pipe,unix-stream -p size=64 -rf json -rff jmh.json
     *
     * Or from an IDE, with main() below.
     */
    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(RoundTripRateBenchmark.class.getSimpleName())
                .param("transport", "pipe", "unix-stream")
                .param("size", "64")
                .jvmArgsAppend("-D" + Pin.PROPERTY + "=0,1")
                .build();
        new Runner(options).run();
    }
}
