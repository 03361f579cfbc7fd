package io.ipcbench.command;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line ipcbench suggests to its user ("needs ... (--transports tcp,unix-stream)", "not
 * drawn: ... (ipcbench run --repetitions 3)"), kept as its arguments rather than as text, so that a
 * test can parse every piece of advice with the real command line: an option that does not exist,
 * or lacks its value, fails the build instead of the user who follows it.
 *
 * <p>Advice that names only what to add to a command the user already typed (pass
 * {@code --allow-different-env} to {@code gate}) is checked on that command with its required
 * options given their labels. Values in capitals ({@code RUN_DIR}) are the user's to fill in.
 *
 * @param subcommand the {@code ipcbench} subcommand it is for: {@code run}, {@code claims}, {@code gate} ...
 * @param arguments  what follows the subcommand
 */
public record Advice(String subcommand, List<String> arguments) {
    /** One CPU for both sides: the same-CPU mode of a small machine, pinned. */
    public static final Advice PIN_SAME_CPU = run("--pin", "0,0");
    /** A CPU each: the cross-CPU mode, pinned. */
    public static final Advice PIN_CROSS_CPU = run("--pin", "0,1");
    /** Throughput cells too, at a small and a large size that every transport carries. */
    public static final Advice THROUGHPUT = run("--throughput-sizes", "64,16k");
    /** Latency cells at several connection counts, for the transports that take them. */
    public static final Advice CONNECTIONS = run("--connections", "1,8,64");
    /** The claim probes: boundaries, largest datagram, Nagle, bulk transfer. */
    public static final Advice PROBES = run("--probes");
    /** A rate sweep, in percent of each cell's closed-loop maximum, for each repetition. */
    public static final Advice RATES = run("--rates", "25%,50%,75%,100%,125%");

    public Advice {
        arguments = List.copyOf(arguments);
    }

    /** Advice for {@code ipcbench SUBCOMMAND ARGUMENTS...}. */
    public static Advice of(String subcommand, String... arguments) {
        return new Advice(subcommand, List.of(arguments));
    }

    /** Advice for {@code ipcbench run ARGUMENTS...}. */
    public static Advice run(String... arguments) {
        return of("run", arguments);
    }

    /** Enough repetitions of every cell for a firm verdict: {@code ipcbench run --repetitions N}. */
    public static Advice repetitions(int atLeast) {
        return run("--repetitions", Integer.toString(atLeast));
    }

    /** This advice and more arguments for the same subcommand: {@code run --transports udp} with {@link #PROBES}. */
    public Advice with(Advice more) {
        if (!subcommand.equals(more.subcommand)) {
            throw new IllegalArgumentException(more + " is not advice for ipcbench " + subcommand);
        }
        List<String> all = new ArrayList<>(arguments);
        all.addAll(more.arguments);
        return new Advice(subcommand, all);
    }

    /** The whole command: {@code ipcbench run --transports tcp,unix-stream}. */
    public String command() {
        return arguments.isEmpty() ? "ipcbench " + subcommand : "ipcbench " + subcommand + " " + options();
    }

    /** The arguments alone, for text that has named the command already: {@code --transports tcp,unix-stream}. */
    public String options() {
        return String.join(" ", arguments);
    }

    @Override
    public String toString() {
        return command();
    }
}
