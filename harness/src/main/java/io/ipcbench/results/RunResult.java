package io.ipcbench.results;

import java.util.List;

import io.ipcbench.config.RunConfig;

/**
 * Everything a run found, as written to {@code run.json}: the contract between the harness and
 * every view of its data (plots, report, claims, gate).
 *
 * @param cells       every cell in the order it ran: repetitions interleave, and within each the order is
 *                    shuffled with {@link RunConfig#orderSeed()}
 * @param probes      the claim probes, {@link ProbeResults#NONE} when none were made
 * @param claims      verdicts on the well-known claims, empty until judged ({@code ipcbench claims})
 * @param repetitions each cell's repetitions side by side, with their modes; derived from {@code cells}
 * @param sustainableRates the highest rate of each rate sweep and repetition whose p99 stayed within the run's
 *                    budget; derived from {@code cells}, empty without rate cells
 */
public record RunResult(String schema, String id, String startedAt, String finishedAt, RunConfig config,
                        Calibration calibration, Environment environment, List<CellResult> cells,
                        ProbeResults probes, List<ClaimVerdict> claims, List<RepetitionSummary> repetitions,
                        List<SustainableRate> sustainableRates) {
    /** Bump it with any change a reader of older files would misread, and update the readers. */
    public static final String SCHEMA = "ipcbench.run/1";

    /** A run as the runner writes it, its repetitions summarised from its cells. */
    public static RunResult of(String id, String startedAt, String finishedAt, RunConfig config,
                               Calibration calibration, Environment environment, List<CellResult> cells,
                               ProbeResults probes) {
        return new RunResult(SCHEMA, id, startedAt, finishedAt, config, calibration, environment, List.copyOf(cells),
                probes, List.of(), RepetitionSummary.of(cells), SustainableRate.of(cells, config.p99BudgetNanos()));
    }

    /** The same run with its probes made. */
    public RunResult withProbes(ProbeResults found) {
        return new RunResult(schema, id, startedAt, finishedAt, config, calibration, environment, cells, found, claims,
                repetitions, sustainableRates);
    }

    /** The same run with its claims judged. */
    public RunResult withClaims(List<ClaimVerdict> verdicts) {
        return new RunResult(schema, id, startedAt, finishedAt, config, calibration, environment, cells, probes,
                List.copyOf(verdicts), repetitions, sustainableRates);
    }

    public boolean allOk() {
        return cells.stream().allMatch(CellResult::ok);
    }
}
