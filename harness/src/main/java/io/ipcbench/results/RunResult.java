package io.ipcbench.results;

import java.util.List;

import io.ipcbench.config.RunConfig;

/**
 * Everything a run found, as written to {@code run.json}: the contract between the harness and
 * every view of its data (plots, report, claims, gate).
 */
public record RunResult(String schema, String id, String startedAt, String finishedAt, RunConfig config,
                        Calibration calibration, Environment environment, List<CellResult> cells) {
    /** Bump it with any change a reader of older files would misread, and update the readers. */
    public static final String SCHEMA = "ipcbench.run/1";

    public boolean allOk() {
        return cells.stream().allMatch(CellResult::ok);
    }
}
