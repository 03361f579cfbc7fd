package io.ipcbench.runner;

/** Running totals of a throughput cell, readable from any thread (the sampler's and the watchdog's view). */
interface ThroughputCounts {
    long messages();

    long bytes();
}
