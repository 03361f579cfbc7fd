package io.ipcbench.transport;

/**
 * One way of running a transport, among the ones a run can measure side by side: shm's idle
 * strategies, say. A variant's cells are cells of their own, named after the transport and the
 * variant ({@code shm-spin}).
 *
 * @param label          the name on the command line, in cell names and in JSON, e.g. {@code spin}
 * @param description    what it does, in a few words, for {@code ipcbench transports} and the help
 * @param whyNotOnOneCpu why it cannot measure the transport with both sides pinned to one CPU; null if it can
 */
public record Variant(String label, String description, String whyNotOnOneCpu) {
}
