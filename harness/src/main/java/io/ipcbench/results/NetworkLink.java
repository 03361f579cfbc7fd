package io.ipcbench.results;

/**
 * The link a run's tcp and udp cells crossed when their peer sat in a network namespace of its own
 * ({@code --link netns}), as found when it was made; a loopback run has none.
 *
 * @param label         what each cell crossing it carries in {@link CellResult#link()}
 * @param namespace     the namespace made for the run
 * @param clientDevice  this side's end of the veth pair
 * @param clientAddress this side's address: what the listeners bound
 * @param peerAddress   the peer's address, inside the namespace
 * @param mtu           the veth's MTU
 * @param qdisc         the queueing discipline on this side's end, as tc shows it (netem's settings when shaped)
 */
public record NetworkLink(String label, String namespace, String clientDevice, String clientAddress,
                          String peerAddress, int mtu, String qdisc) {
}
