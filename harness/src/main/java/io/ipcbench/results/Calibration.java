package io.ipcbench.results;

/**
 * What the measuring itself costs on this box, measured at the start of a run.
 *
 * @param nanoTimeCostNs          mean cost of one {@code System.nanoTime()} call
 * @param nanoTimeGranularityNs   smallest non-zero step between two {@code nanoTime()} readings seen
 * @param histogramRecordCostNs   mean cost of recording one value into the recorder
 */
public record Calibration(double nanoTimeCostNs, long nanoTimeGranularityNs, double histogramRecordCostNs) {
}
