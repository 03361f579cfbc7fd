package io.ipcbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the JVM and NIO add to a round trip: for each latency cell measured on both engines in one
 * run (same transport, size, connections, repetition and placement), the jdk engine's p50 and p99
 * against the raw engine's. Shared by the printed summary and the report.
 *
 * @param rawP50Ns and the others: nanoseconds
 */
public record EngineOverhead(String transport, int size, int connections, int repetition, long rawP50Ns,
                             long jdkP50Ns, long rawP99Ns, long jdkP99Ns) {

    public long p50OverheadNs() {
        return jdkP50Ns - rawP50Ns;
    }

    public long p99OverheadNs() {
        return jdkP99Ns - rawP99Ns;
    }

    /** Pairs the run's ok latency cells across engines; empty when the run measured one engine. */
    public static List<EngineOverhead> of(List<CellResult> cells) {
        Map<String, CellResult> raw = new LinkedHashMap<>();
        Map<String, CellResult> jdk = new LinkedHashMap<>();
        for (CellResult cell : cells) {
            if (!cell.ok() || cell.cellMode() != CellMode.LATENCY || cell.latencyNs() == null
                    || cell.latencyNs().count() == 0) {
                continue;
            }
            String key = cell.transportName() + "/" + cell.size() + "/" + cell.connections() + "/" + cell.repetition()
                    + "/" + cell.placement();
            if ("raw".equals(cell.engine())) {
                raw.put(key, cell);
            } else if ("jdk".equals(cell.engine())) {
                jdk.put(key, cell);
            }
        }
        List<EngineOverhead> rows = new ArrayList<>();
        raw.forEach((key, r) -> {
            CellResult j = jdk.get(key);
            if (j != null) {
                rows.add(new EngineOverhead(r.transportName(), r.size(), r.connections(), r.repetition(),
                        r.latencyNs().p50(), j.latencyNs().p50(), r.latencyNs().p99(), j.latencyNs().p99()));
            }
        });
        return rows;
    }
}
