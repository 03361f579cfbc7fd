package io.ipcbench.runner;

import io.ipcbench.results.Calibration;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.Environment;

/** Hears how a run goes, to show progress; the runner itself prints nothing. */
public interface RunListener {
    RunListener SILENT = new RunListener() {
    };

    default void calibrated(Calibration calibration) {
    }

    /** The box was read, before the first cell. */
    default void environmentRead(Environment environment) {
    }

    default void cellStarting(int index, int total, String description) {
    }

    /** A combination the configuration asked for that cannot be measured, and why. */
    default void skipped(String what) {
    }

    default void cellFinished(int index, int total, CellResult result) {
    }

    /** The cells are done and the claim probes start. */
    default void probesStarting() {
    }
}
