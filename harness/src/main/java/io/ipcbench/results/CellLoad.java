package io.ipcbench.results;

/**
 * What else the box was doing around a cell's measured part: the load before it, and during it
 * the time the hypervisor gave the cell's CPUs to others (steal) and how busy the CPUs the cell
 * did not use were. Null where the box does not tell.
 *
 * @param loadAverageBefore    the one-minute load average just before the measured part
 * @param stealPercent         steal time on the cell's CPUs (the pinned ones, or all when unpinned), in % of their time
 * @param otherCpusBusyPercent busy time of the CPUs outside the placement, in % of their time; null when none is left
 */
public record CellLoad(Double loadAverageBefore, Double stealPercent, Double otherCpusBusyPercent) {
}
