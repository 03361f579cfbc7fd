package io.ipcbench.command;

/**
 * A subcommand that lives in another module (the plotter needs XChart, which the harness does not
 * carry). Found with {@link java.util.ServiceLoader}: a module lists its provider in
 * {@code META-INF/services/io.ipcbench.command.SubcommandProvider}.
 */
public interface SubcommandProvider {
    /** The subcommand's name, e.g. {@code plot}. */
    String name();

    /** A new picocli command object ({@code @Command}-annotated, {@code Callable<Integer>}). */
    Object command();
}
