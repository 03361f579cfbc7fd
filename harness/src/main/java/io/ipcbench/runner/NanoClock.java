package io.ipcbench.runner;

/** The clock a measured loop reads; tests give it a fake one to get exact, known values. */
@FunctionalInterface
public interface NanoClock {
    NanoClock SYSTEM = System::nanoTime;

    long nanoTime();
}
