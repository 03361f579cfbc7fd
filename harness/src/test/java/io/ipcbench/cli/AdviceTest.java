package io.ipcbench.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import io.ipcbench.claims.ClaimSettings;
import io.ipcbench.command.Advice;
import io.ipcbench.gate.Gate;
import io.ipcbench.results.BoxWarnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The advice the harness prints, parsed with the real command line: the fragments several views
 * share, the gate's, and the warning of an unpinned run. (The claims check theirs in
 * ClaimsJudgeTest, the plotter its notes and the docs' command lines in its own tests.)
 */
@Timeout(30)
class AdviceTest {
    /** Every public constant of type Advice a class declares: a new one is checked without being listed here. */
    private static List<Advice> constants(Class<?> holder) throws IllegalAccessException {
        List<Advice> found = new ArrayList<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Advice.class) {
                found.add((Advice) field.get(null));
            }
        }
        return found;
    }

    @Test
    void theSharedFragmentsAreRunsTheCommandLineTakes() throws IllegalAccessException {
        List<Advice> shared = constants(Advice.class);
        assertEquals(6, shared.size(), shared.toString());
        shared.forEach(AdviceCheck::parses);
        AdviceCheck.parses(Advice.repetitions(3));
    }

    @Test
    void theGatesAdviceParsesOnTheGatesCommandLine() throws IllegalAccessException {
        List<Advice> gate = constants(Gate.class);
        assertEquals(3, gate.size(), gate.toString());
        gate.forEach(AdviceCheck::parses);
    }

    @Test
    void theClaimsHelpAdvisesTheRepetitionsTheClaimsNeed() {
        String help = Main.commandLine().getSubcommands().get("claims").getUsageMessage();
        Advice more = Advice.repetitions(ClaimSettings.DEFAULT_MIN_REPETITIONS);
        // The help is an annotation, so it spells the advice out; this keeps the two the same.
        assertTrue(help.replaceAll("\\s+", " ").contains("run with " + more.options() + " or more"), help);
        AdviceCheck.parses(more);
    }

    @Test
    void anUnpinnedRunNamesBothPlacements() {
        assertTrue(BoxWarnings.UNPINNED_RUN.contains("use " + Advice.PIN_SAME_CPU.options() + " or "
                + Advice.PIN_CROSS_CPU.options()), BoxWarnings.UNPINNED_RUN);
    }

    @Test
    void fragmentsJoinOnlyForOneSubcommand() {
        assertEquals("ipcbench run --transports udp --probes", Advice.run("--transports", "udp").with(Advice.PROBES)
                .command());
        assertThrows(IllegalArgumentException.class, () -> Advice.of("gate").with(Advice.PROBES));
    }

    @Test
    void theCheckRefusesAnOptionThatDoesNotExistOrLacksItsValue() {
        // What the plotter once advised, and an option named without its value.
        AssertionError unknown = assertThrows(AssertionError.class, () -> AdviceCheck.parses(
                Advice.run("--mode", "throughput")));
        assertTrue(unknown.getMessage().contains("Unknown option"), unknown.getMessage());
        assertThrows(AssertionError.class, () -> AdviceCheck.parses(Advice.run("--interval")));
        assertThrows(AssertionError.class, () -> AdviceCheck.parses(Advice.of("plotter")));
    }

    @Test
    void theCheckRefusesARunThatParsesButCannotBeMade() {
        AssertionError oversized = assertThrows(AssertionError.class, () -> AdviceCheck.parses(
                Advice.run("--transports", "udp", "--throughput-sizes", "64k")));
        assertTrue(oversized.getMessage().contains("makes no run"), oversized.getMessage());
    }
}
