package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.ipcbench.results.Environment;

/** The scope line of a verdict: what it covers (transports, sizes, connections, placement) and the box. */
final class Scope {
    private Scope() {
    }

    /** "tcp, unix-stream; sizes 64 B, 16 KiB; 1 connection; placement 0,1; engine raw; kernel …". */
    static String of(Collection<CellGroup> groups, Evidence evidence) {
        List<String> parts = new ArrayList<>();
        parts.add(String.join(", ", Verdicts.distinct(groups.stream().map(CellGroup::transport).toList())));
        List<Integer> sizes = groups.stream().map(CellGroup::size).distinct().sorted().toList();
        parts.add((sizes.size() == 1 ? "size " : "sizes ")
                + String.join(", ", sizes.stream().map(Text::size).toList()));
        List<Integer> connections = groups.stream().map(CellGroup::connections).distinct().sorted().toList();
        parts.add(connections.size() == 1 ? Text.connections(connections.get(0))
                : "connections " + String.join(", ", connections.stream().map(String::valueOf).toList()));
        parts.add("placement " + String.join("; ", groups.stream().map(CellGroup::placement).distinct()
                .sorted(Comparator.naturalOrder()).toList()));
        parts.add("engine " + String.join(", ", groups.stream().map(CellGroup::engine).distinct().sorted().toList()));
        if (!evidence.tcpNoDelay() && groups.stream().anyMatch(g -> "tcp".equals(g.transport()))) {
            parts.add("tcp with TCP_NODELAY off");
        }
        parts.add(box(evidence));
        return String.join("; ", parts);
    }

    /** "the Nagle probe; kernel …". */
    static String probe(String what, Evidence evidence) {
        return what + "; " + box(evidence);
    }

    /** "kernel 6.18.44 on AMD EPYC (2 CPUs), lo MTU 65,536 B", from what the run recorded. */
    static String box(Evidence evidence) {
        Environment env = evidence.environment();
        if (env == null) {
            return "environment not recorded";
        }
        String text = "kernel " + env.kernel() + " on " + env.cpuModel()
                + String.format(Locale.ROOT, " (%d CPUs)", env.logicalCpus());
        return env.loopbackMtu() > 0 ? text + ", lo MTU " + Text.count(env.loopbackMtu()) + " B" : text;
    }
}
