package io.ipcbench.results;

/**
 * What a cell's measured part cost in CPU and in context switches, on each side and per message
 * (a round trip in latency mode, a message in throughput mode). CPU time comes from the kernel's
 * per-process accounting in clock ticks (10 ms): over a short cell it is coarse, so compare cells
 * that ran a second or more.
 *
 * @param messages                  round trips (latency) or messages received (throughput) in the measured part
 * @param peer                      null when the peer is not a process of its own
 * @param cpuMicrosPerMessage       both sides' user and system CPU time per message, in µs; null without a peer or messages
 * @param contextSwitchesPerMessage both sides' voluntary and involuntary context switches per message
 */
public record CpuCost(long messages, ProcessCost client, ProcessCost peer, Double cpuMicrosPerMessage,
                      Double contextSwitchesPerMessage) {

    public static CpuCost of(long messages, ProcessCost client, ProcessCost peer) {
        boolean whole = client != null && peer != null && messages > 0;
        return new CpuCost(messages, client, peer,
                whole ? (client.userNs() + client.systemNs() + peer.userNs() + peer.systemNs()) / 1e3 / messages : null,
                whole ? (double) (client.contextSwitches() + peer.contextSwitches()) / messages : null);
    }

    /**
     * One process's share over the measured part.
     *
     * @param cpuMicrosPerMessage       its user and system CPU time per message, in µs; null without messages
     * @param contextSwitchesPerMessage its voluntary and involuntary context switches per message
     */
    public record ProcessCost(long userNs, long systemNs, long voluntarySwitches, long involuntarySwitches,
                              Double cpuMicrosPerMessage, Double contextSwitchesPerMessage) {

        public static ProcessCost of(long userNs, long systemNs, long voluntarySwitches, long involuntarySwitches,
                                     long messages) {
            return new ProcessCost(userNs, systemNs, voluntarySwitches, involuntarySwitches,
                    messages > 0 ? (userNs + systemNs) / 1e3 / messages : null,
                    messages > 0 ? (double) (voluntarySwitches + involuntarySwitches) / messages : null);
        }

        public long contextSwitches() {
            return voluntarySwitches + involuntarySwitches;
        }
    }
}
