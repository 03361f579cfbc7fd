package io.ipcbench.plots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.Environment;
import io.ipcbench.results.RepetitionSummary;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import org.HdrHistogram.Histogram;

/**
 * One run folder as the plotter sees it: the run as {@link RunFolder} reads it, and every cell
 * reduced to what the charts need.
 *
 * @param index  position among the runs given, from 0; names files when several runs are drawn
 * @param label  what charts and the report call this run
 * @param notes  problems met while reading (a missing or damaged log), for the report
 */
public record RunData(int index, String label, Path folder, RunResult run, List<CellData> cells,
                      List<String> notes) {
    public RunData {
        cells = List.copyOf(cells);
        notes = List.copyOf(notes);
    }

    /**
     * Reads a run folder (or its {@code run.json}) and every cell's interval log, one cell at a
     * time. A missing or damaged log is noted and its cell falls back to the summary in run.json.
     *
     * @throws RunFolder.InvalidRunException when the run itself cannot be read
     */
    public static RunData load(int index, String label, Path folderOrFile) throws RunFolder.InvalidRunException {
        RunResult run = RunFolder.read(folderOrFile);
        Path folder = RunFolder.folderOf(folderOrFile);
        List<CellData> cells = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CellResult cell : run.cells() == null ? List.<CellResult>of() : run.cells()) {
            List<Histogram> intervals = List.of();
            List<Histogram> rawIntervals = List.of();
            if (cell.histogramLog() != null) {
                try {
                    intervals = RunFolder.readIntervals(folder.resolve(cell.histogramLog()));
                    rawIntervals = RunFolder.readRawIntervals(folder.resolve(cell.histogramLog()));
                } catch (RunFolder.InvalidRunException e) {
                    notes.add(e.getMessage() + "; its charts use the summary in run.json");
                }
            }
            cells.add(CellData.of(cell, intervals, rawIntervals));
        }
        return new RunData(index, label == null ? defaultLabel(run, folder) : label, folder, run, cells, notes);
    }

    /** The run's id, or the folder's name for a run without one. */
    static String defaultLabel(RunResult run, Path folder) {
        if (run.id() != null && !run.id().isBlank()) {
            return run.id();
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? "run" : name.toString();
    }

    /** The environment, never null (an empty one for a run cut short before it was probed). */
    public Environment environment() {
        Environment e = run.environment();
        return e != null ? e : new Environment(null, null, null, 0, null, null, List.of(), null, null, null, 0, null, null);
    }

    /**
     * The run's summary of a cell's repetitions (their values side by side, and their modes in
     * words), or null when the cell ran once or the run predates the summary.
     */
    public RepetitionSummary repetitions(CellResult cell) {
        if (run.repetitions() == null) {
            return null;
        }
        String placement = String.valueOf(cell.placement());
        return run.repetitions().stream().filter(r -> r.key().equals(cell.key()) && r.placement().equals(placement))
                .findFirst().orElse(null);
    }

    /** Where a cell ran in the run, counted from 1: the x of the canary chart and the # of the summary table. */
    public int number(CellData cell) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) == cell) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("cell " + cell.cell().key() + " is not in run " + label);
    }

    /** The cells that finished ok. */
    public List<CellData> okCells() {
        return cells.stream().filter(CellData::ok).toList();
    }
}
