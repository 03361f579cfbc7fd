package io.ipcbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import io.ipcbench.command.Advice;
import io.ipcbench.os.CpuAffinity;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks a piece of advice the way a user would follow it: parsed by the real {@code ipcbench}
 * command line ({@link Main#commandLine()}, with every subcommand on the class path), and, for
 * {@code run}, turned into the run's configuration and plan. Shared by the tests of every module that
 * gives advice.
 */
public final class AdviceCheck {
    private AdviceCheck() {
    }

    /** Fails, naming the advice and the parser's complaint, unless it parses (and, for run, configures). */
    public static void parses(Advice advice) {
        CommandLine commandLine = Main.commandLine();
        CommandLine subcommand = commandLine.getSubcommands().get(advice.subcommand());
        if (subcommand == null) {
            fail("'" + advice + "': ipcbench has no subcommand " + advice.subcommand());
        }
        List<String> arguments = new ArrayList<>(List.of(advice.subcommand()));
        arguments.addAll(advice.arguments());
        arguments.addAll(requiredOptionsNotGiven(subcommand.getCommandSpec(), advice));
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(arguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("'" + advice + "' does not parse: " + e.getMessage(), e);
        }
        if (parsed.subcommand().commandSpec().userObject() instanceof RunCommand run) {
            assumeCpusAllowed(run.pin);
            try {
                RunCommand.plan(run.config(Path.of("target", "advice").toString()));
            } catch (RuntimeException e) {
                throw new AssertionError("'" + advice + "' parses but makes no run: " + e.getMessage(), e);
            }
        }
    }

    /** The required options the advice leaves to the command the user typed, given their labels: --candidate RUN. */
    private static List<String> requiredOptionsNotGiven(CommandSpec spec, Advice advice) {
        List<String> filled = new ArrayList<>();
        for (OptionSpec option : spec.requiredArgs().stream().filter(OptionSpec.class::isInstance)
                .map(OptionSpec.class::cast).toList()) {
            if (List.of(option.names()).stream().noneMatch(advice.arguments()::contains)) {
                filled.add(option.longestName());
                if (option.arity().min() > 0) {
                    filled.add(option.paramLabel());
                }
            }
        }
        return filled;
    }

    /** Advice that pins to CPU 1 cannot make a run on a box with one CPU: skipped there, saying so. */
    private static void assumeCpusAllowed(String pin) {
        if (pin == null) {
            return;
        }
        BitSet allowed = CpuAffinity.allowedCpus();
        for (String cpu : pin.split(",")) {
            if (cpu.trim().matches("\\d+")) {
                int number = Integer.parseInt(cpu.trim());
                assumeTrue(allowed.get(number), "--pin " + pin + ": CPU " + number + " is not available here");
            }
        }
    }
}
