package io.ipcbench.command;

/** The exit codes of every {@code ipcbench} command, in one place. */
public final class ExitCode {
    /** Everything ran and every cell succeeded (or: judged, no regression). */
    public static final int OK = 0;
    /** The run finished, but at least one cell failed (see run.json and the table). */
    public static final int CELL_FAILED = 1;
    /** The command line was wrong: nothing was run and no file was written. */
    public static final int USAGE = 2;
    /** Something outside the user's input went wrong (I/O, the environment). */
    public static final int ERROR = 3;

    private ExitCode() {
    }
}
