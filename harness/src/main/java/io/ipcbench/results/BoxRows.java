package io.ipcbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ipcbench.results.Box.CpuPair;
import io.ipcbench.results.Box.CpuState;

/**
 * The box in words, one labelled row per fact, for {@code ipcbench doctor} and the report. Labels
 * name roles, not CPU numbers ("client CPU"), so that the rows of several runs line up.
 */
public final class BoxRows {
    private BoxRows() {
    }

    /** One fact about the box. */
    public record Row(String label, String value) {
    }

    /** The rows for a run's environment; empty for a run recorded before the box was read. */
    public static List<Row> of(Environment environment) {
        List<Row> rows = new ArrayList<>();
        Box box = environment.box();
        if (box == null) {
            return rows;
        }
        for (CpuState cpu : box.cpus()) {
            rows.add(new Row(cpu.role() != null ? cpu.role() + " CPU" : "CPU " + cpu.cpu(), cpu(cpu)));
        }
        rows.add(new Row("turbo", box.turbo()));
        if (box.pair() != null) {
            rows.add(new Row("the two CPUs", pair(box.pair())));
        }
        rows.add(new Row("hypervisor", Box.PRESENT.equals(box.hypervisor())
                ? "present (the CPU's hypervisor flag; the machine gives no name)" : box.hypervisor()));
        rows.add(new Row("kernel parameters", join(box.kernelParameters(), "=")));
        rows.add(new Row("CPU vulnerabilities", vulnerabilities(box.vulnerabilities())));
        rows.add(new Row("transparent huge pages", box.transparentHugePages()));
        rows.add(new Row("TCP settings", join(box.tcpSettings(), " = ")));
        rows.add(new Row("load average", box.loadAverage() == null ? Box.UNKNOWN
                : String.format(Locale.ROOT, "%.2f (1 minute, at the start)", box.loadAverage())));
        rows.add(new Row("client JVM flags", flags(environment.jvmFlags())));
        rows.add(new Row("peer JVM flags", environment.peerJvmFlags() == null ? Box.UNKNOWN
                : flags(environment.peerJvmFlags())));
        return rows;
    }

    /** "CPU 1: governor powersave, 1.20 GHz (0.80–3.50 GHz), deepest idle state C6 (133 µs to wake)". */
    static String cpu(CpuState cpu) {
        String range = cpu.minKhz() != null && cpu.maxKhz() != null
                ? String.format(Locale.ROOT, " (%.2f–%.2f GHz)", cpu.minKhz() / 1e6, cpu.maxKhz() / 1e6)
                : cpu.minKhz() != null || cpu.maxKhz() != null
                ? " (" + frequency(cpu.minKhz()) + "–" + frequency(cpu.maxKhz()) + ")" : "";
        return "CPU " + cpu.cpu() + ": governor " + cpu.governor() + ", " + frequency(cpu.currentKhz()) + range
                + ", deepest idle state " + cpu.deepestIdleState()
                + (cpu.deepestIdleLatencyMicros() != null ? " (" + cpu.deepestIdleLatencyMicros() + " µs to wake)" : "");
    }

    private static String frequency(Long khz) {
        return khz == null ? "frequency " + Box.UNKNOWN : String.format(Locale.ROOT, "%.2f GHz", khz / 1e6);
    }

    /** "0 and 1: different cores of one package, sharing L3 Unified". */
    static String pair(CpuPair pair) {
        if (pair.sameCpu()) {
            return "both sides on CPU " + pair.client();
        }
        String relation = Boolean.TRUE.equals(pair.smtSiblings()) ? "SMT siblings (one core)"
                : Boolean.FALSE.equals(pair.smtSiblings()) ? "different cores" : "cores " + Box.UNKNOWN;
        relation += Boolean.TRUE.equals(pair.samePackage()) ? " of one package"
                : Boolean.FALSE.equals(pair.samePackage()) ? " of different packages" : "";
        String caches = pair.sharedCaches() == null ? "shared caches " + Box.UNKNOWN
                : pair.sharedCaches().isEmpty() ? "sharing no cache" : "sharing " + String.join(", ", pair.sharedCaches());
        return pair.client() + " and " + pair.peer() + ": " + relation + ", " + caches;
    }

    /** The vulnerabilities the kernel does not call "Not affected", then how many it does. */
    static String vulnerabilities(Map<String, String> vulnerabilities) {
        if (vulnerabilities.isEmpty()) {
            return Box.UNKNOWN;
        }
        List<String> listed = new ArrayList<>();
        int unaffected = 0;
        for (Map.Entry<String, String> entry : vulnerabilities.entrySet()) {
            if ("Not affected".equals(entry.getValue())) {
                unaffected++;
            } else {
                listed.add(entry.getKey() + ": " + entry.getValue());
            }
        }
        if (unaffected > 0) {
            listed.add(unaffected + " more: not affected");
        }
        return String.join("; ", listed);
    }

    private static String join(Map<String, String> settings, String separator) {
        List<String> parts = new ArrayList<>();
        settings.forEach((name, value) -> parts.add(Box.NOT_SET.equals(value) ? name + " " + value
                : name + separator + value));
        return parts.isEmpty() ? Box.UNKNOWN : String.join("; ", parts);
    }

    private static String flags(List<String> flags) {
        return flags.isEmpty() ? "none" : String.join(" ", flags);
    }
}
