package io.ipcbench.command;

/** A mistake in what the user asked for: reported in one line, exit code {@link ExitCode#USAGE}. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
