package io.ipcbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.ipcbench.command.Advice;
import io.ipcbench.results.Box.CpuPair;
import io.ipcbench.results.Box.CpuState;

/**
 * What a person can do about the box before trusting its figures, in the manner of pyperf's
 * {@code system show}: "CPU 1's governor is powersave", "CPUs 0 and 1 are SMT siblings", "steal
 * time was 6% during tcp 64 B". Printed at the start of a run and by {@code ipcbench doctor}, shown
 * in the report; all from what {@code run.json} holds.
 */
public final class BoxWarnings {
    /** Steal above this share of a cell's CPU time means the hypervisor took the CPUs away often enough to show. */
    static final double STEAL_PERCENT_LIMIT = 5;
    /** The other CPUs busier than this shared caches, memory bandwidth and interrupts with the cell. */
    static final double OTHER_CPUS_BUSY_PERCENT_LIMIT = 25;
    /** An idle state slower than this to leave shows in a round trip that wakes the CPU. */
    static final long IDLE_EXIT_MICROS_LIMIT = 10;
    /** Clock sources that cannot be read from user space: every nanoTime() is a system call. */
    static final Set<String> SLOW_CLOCK_SOURCES = Set.of("hpet", "acpi_pm", "jiffies", "refined-jiffies");
    /** Said at the start of a run that pins neither side. */
    public static final String UNPINNED_RUN = "unpinned. On a small machine round trips land in a same-CPU or a "
            + "cross-CPU mode (about 3x apart) from run to run; use " + Advice.PIN_SAME_CPU.options() + " or "
            + Advice.PIN_CROSS_CPU.options() + " for figures you compare.";

    private BoxWarnings() {
    }

    /** The warnings about a run: its box, then each of its cells. */
    public static List<String> of(RunResult run) {
        List<String> warnings = new ArrayList<>();
        if (run.environment() != null) {
            warnings.addAll(ofBox(run.environment()));
        }
        for (CellResult cell : run.cells() == null ? List.<CellResult>of() : run.cells()) {
            warnings.addAll(ofCell(cell));
        }
        return warnings;
    }

    /** What is wrong with the box itself; empty for a run recorded before the box was read. */
    public static List<String> ofBox(Environment environment) {
        Box box = environment.box();
        List<String> warnings = new ArrayList<>();
        if (box == null) {
            return warnings;
        }
        Map<String, List<Integer>> byGovernor = new LinkedHashMap<>();
        for (CpuState cpu : box.cpus()) {
            if (!Box.UNKNOWN.equals(cpu.governor()) && !"performance".equals(cpu.governor())) {
                byGovernor.computeIfAbsent(cpu.governor(), g -> new ArrayList<>()).add(cpu.cpu());
            }
        }
        byGovernor.forEach((governor, cpus) -> warnings.add((cpus.size() == 1 ? "CPU " + cpus.get(0) + "'s governor"
                : "the governor of CPUs " + names(cpus)) + " is " + governor + ": the clock follows the load; set it to "
                + "performance (cpupower frequency-set -g performance)"));
        if ("on".equals(box.turbo())) {
            warnings.add("turbo boost is on: the clock rises and falls with load and heat; turn it off for steadier "
                    + "figures (intel_pstate/no_turbo = 1, or cpufreq/boost = 0)");
        }
        for (CpuState cpu : box.cpus()) {
            if (cpu.deepestIdleLatencyMicros() != null && cpu.deepestIdleLatencyMicros() > IDLE_EXIT_MICROS_LIMIT) {
                warnings.add("CPU " + cpu.cpu() + " may sleep in " + cpu.deepestIdleState() + ", which takes "
                        + cpu.deepestIdleLatencyMicros() + " µs to wake from: a reply that wakes it pays that; keep it "
                        + "shallower (cpupower idle-set -D " + IDLE_EXIT_MICROS_LIMIT + ")");
            }
        }
        CpuPair pair = box.pair();
        if (pair != null && Boolean.TRUE.equals(pair.smtSiblings())) {
            warnings.add("CPUs " + pair.client() + " and " + pair.peer() + " are SMT siblings: the two sides share one "
                    + "core, and each slows the other; pin them to different cores to measure the channel alone");
        }
        if (pair != null) {
            String isolated = box.kernelParameters().getOrDefault("isolcpus", Box.UNKNOWN);
            List<Integer> pinned = pair.sameCpu() ? List.of(pair.client()) : List.of(pair.client(), pair.peer());
            if (!Box.UNKNOWN.equals(isolated) && !CpuList.parse(isolated).containsAll(pinned)) {
                String cpus = pinned.stream().map(String::valueOf).collect(Collectors.joining(","));
                warnings.add((pair.sameCpu() ? "CPU " + cpus + " is" : "CPUs " + names(pinned) + " are")
                        + " not isolated: other tasks and interrupts may run there; for the steadiest figures add "
                        + "isolcpus=" + cpus + " nohz_full=" + cpus + " to the kernel command line");
            }
        }
        if (!Box.NONE.equals(box.hypervisor()) && !Box.UNKNOWN.equals(box.hypervisor())) {
            warnings.add("this is a virtual machine (" + (Box.PRESENT.equals(box.hypervisor()) ? "hypervisor not named"
                    : box.hypervisor()) + "): the host's scheduling adds noise; check each cell's steal time");
        }
        if (environment.clockSource() != null && SLOW_CLOCK_SOURCES.contains(environment.clockSource())) {
            warnings.add("the clock source is " + environment.clockSource() + ": every nanoTime() is a system call, "
                    + "paid twice per round trip; switch to tsc if the box offers it "
                    + "(clocksource0/available_clocksource)");
        }
        if (box.loadAverage() != null && environment.logicalCpus() > 0
                && box.loadAverage() > environment.logicalCpus() / 2.0) {
            warnings.add(String.format(Locale.ROOT, "the load average is %.2f on %d CPUs: other work is running; "
                    + "stop it, or expect its share in every figure", box.loadAverage(), environment.logicalCpus()));
        }
        return warnings;
    }

    /** What went on around one cell that makes its figures doubtful. */
    public static List<String> ofCell(CellResult cell) {
        List<String> warnings = new ArrayList<>();
        CellLoad load = cell.boxLoad();
        if (load == null) {
            return warnings;
        }
        if (load.stealPercent() != null && load.stealPercent() > STEAL_PERCENT_LIMIT) {
            warnings.add(String.format(Locale.ROOT, "steal time was %.0f%% during %s: its figures are unreliable",
                    load.stealPercent(), describe(cell)));
        }
        if (load.otherCpusBusyPercent() != null && load.otherCpusBusyPercent() > OTHER_CPUS_BUSY_PERCENT_LIMIT) {
            warnings.add(String.format(Locale.ROOT, "the other CPUs were %.0f%% busy during %s: other work shared "
                    + "caches, memory and interrupts with it", load.otherCpusBusyPercent(), describe(cell)));
        }
        return warnings;
    }

    /** "tcp 64 B", "tcp jdk 64 B × 8 connections throughput, repetition 2", "tcp 64 B at 25% of closed loop". */
    public static String describe(CellResult cell) {
        StringBuilder text = new StringBuilder(cell.transportName());
        if (cell.engine() != null && !"raw".equals(cell.engine())) {
            text.append(' ').append(cell.engine());
        }
        text.append(' ').append(SummaryTable.size(cell.size()));
        if (cell.connections() > 1) {
            text.append(" × ").append(cell.connections()).append(" connections");
        }
        if (cell.cellMode() == CellMode.THROUGHPUT) {
            text.append(" throughput");
        }
        if (cell.rate() != null) {
            text.append(" at ").append(cell.rate().requested().label());
        }
        if (cell.repetition() > 0) {
            text.append(", repetition ").append(cell.repetition() + 1);
        }
        return text.toString();
    }

    /** "0", "0 and 1", "0, 1 and 2". */
    static String names(List<Integer> cpus) {
        if (cpus.size() == 1) {
            return cpus.get(0).toString();
        }
        List<String> texts = cpus.stream().map(String::valueOf).toList();
        return String.join(", ", texts.subList(0, texts.size() - 1)) + " and " + texts.get(texts.size() - 1);
    }
}
