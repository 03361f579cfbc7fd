package io.ipcbench.results;

import java.util.List;

import io.ipcbench.config.RunConfig;

/**
 * Everything a run found, as written to {@code run.json}: the contract between the harness and
 * every view of its data (plots, report, claims, gate).
 *
 * @param probes the claim probes, {@link Probes#NONE} when none were made
 * @param claims verdicts on the well-known claims, empty until judged ({@code ipcbench claims})
 */
public record RunResult(String schema, String id, String startedAt, String finishedAt, RunConfig config,
                        Calibration calibration, Environment environment, List<CellResult> cells,
                        Probes probes, List<ClaimVerdict> claims) {
    /** Bump it with any change a reader of older files would misread, and update the readers. */
    public static final String SCHEMA = "ipcbench.run/1";

    /** The same run with its probes made. */
    public RunResult withProbes(Probes found) {
        return new RunResult(schema, id, startedAt, finishedAt, config, calibration, environment, cells, found, claims);
    }

    /** The same run with its claims judged. */
    public RunResult withClaims(List<ClaimVerdict> verdicts) {
        return new RunResult(schema, id, startedAt, finishedAt, config, calibration, environment, cells, probes,
                List.copyOf(verdicts));
    }

    public boolean allOk() {
        return cells.stream().allMatch(CellResult::ok);
    }
}
