package io.ipcbench.benchmarks;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.ipcbench.runner.RunEstimate;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Optional;

/**
 * How long a JMH run of these benchmarks will take, reckoned before anything runs from the
 * arguments JMH is given and the benchmarks' own annotations, the way JMH resolves them (an
 * argument over an annotation over JMH's default). A benchmark run (one benchmark, one mode, one
 * set of parameters) costs, for each fork, a JVM and a peer to start and stop, and its warm-up and
 * measurement iterations. For the timed modes these benchmarks use.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar io.ipcbench.benchmarks.JmhPlan RoundTripBenchmark -p size=64 -bm sample
 * </pre>
 *
 * @param runs       benchmark runs: benchmarks × modes × parameter sets
 * @param iterations the time JMH spends iterating, over all forks
 * @param total      the whole JMH run
 */
public record JmhPlan(int runs, Duration iterations, Duration total) {
    /** JMH's own start. */
    static final Duration START = Duration.ofSeconds(1);
    /** A fork's JVM, the peer it starts in set-up, and stopping both: about a second measured on a two-CPU VM. */
    static final Duration FORK_OVERHEAD = Duration.ofSeconds(1);

    /** Prints the estimate for these JMH arguments; a bad argument is one line and exit code 2. */
    public static void main(String[] args) {
        try {
            System.out.println(of(args).describe());
        } catch (CommandLineOptionException e) {
            System.err.println("jmh-plan: " + e.getMessage());
            System.exit(2);
        }
    }

    /** The estimate for a JMH run given {@code jmhArguments}. */
    public static JmhPlan of(String... jmhArguments) throws CommandLineOptionException {
        CommandLineOptions options = new CommandLineOptions(jmhArguments);
        List<String> includes = options.getIncludes().isEmpty() ? List.of(Defaults.INCLUDE_BENCHMARKS)
                : options.getIncludes();
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        Collection<BenchmarkListEntry> found = BenchmarkList.defaultList()
                .find(OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), includes, options.getExcludes());
        Set<String> counted = new HashSet<>();
        int runs = 0;
        Duration iterations = Duration.ZERO;
        Duration total = START;
        for (BenchmarkListEntry entry : found) {
            // Modes given on the command line replace a benchmark's own, as in JMH.
            Collection<Mode> modes = options.getBenchModes().isEmpty() ? List.of(entry.getMode()) : options.getBenchModes();
            for (Mode mode : modes) {
                if (!counted.add(entry.getUsername() + " " + mode)) {
                    continue;
                }
                int sets = parameterSets(entry, options);
                int forks = Math.max(1, resolve(options.getForkCount(), entry.getForks(), Defaults.MEASUREMENT_FORKS)
                        + resolve(options.getWarmupForkCount(), entry.getWarmupForks(), Defaults.WARMUP_FORKS));
                Duration fork = time(resolve(options.getWarmupIterations(), entry.getWarmupIterations(),
                        Defaults.WARMUP_ITERATIONS), resolve(options.getWarmupTime(), entry.getWarmupTime(),
                        Defaults.WARMUP_TIME))
                        .plus(time(resolve(options.getMeasurementIterations(), entry.getMeasurementIterations(),
                                Defaults.MEASUREMENT_ITERATIONS), resolve(options.getMeasurementTime(),
                                entry.getMeasurementTime(), Defaults.MEASUREMENT_TIME)));
                runs += sets;
                iterations = iterations.plus(fork.multipliedBy((long) sets * forks));
                total = total.plus(fork.plus(FORK_OVERHEAD).multipliedBy((long) sets * forks));
            }
        }
        return new JmhPlan(runs, iterations, total);
    }

    /** "21 benchmark runs, about 2 min 40 s". */
    public String describe() {
        return runs + (runs == 1 ? " benchmark run" : " benchmark runs") + ", about " + RunEstimate.duration(total);
    }

    /** The product, over the benchmark's parameters, of how many values each takes: given, or declared. */
    private static int parameterSets(BenchmarkListEntry entry, CommandLineOptions options) {
        int sets = 1;
        for (Map.Entry<String, String[]> parameter : entry.getParams().orElse(Map.of()).entrySet()) {
            Optional<Collection<String>> given = options.getParameter(parameter.getKey());
            sets *= given.hasValue() ? given.get().size() : parameter.getValue().length;
        }
        return sets;
    }

    private static <T> T resolve(Optional<T> given, Optional<T> annotated, T jmhDefault) {
        return given.orElse(annotated.orElse(jmhDefault));
    }

    private static Duration time(int count, TimeValue each) {
        return Duration.ofMillis(each.convertTo(TimeUnit.MILLISECONDS)).multipliedBy(count);
    }
}
