package io.ipcbench.config;

import java.util.Locale;

import io.ipcbench.transport.TransportKind;

/**
 * Where the peer of the tcp and udp cells sits: on this host's loopback (the default), or in a
 * network namespace made for the run, behind a veth pair ({@code --link netns}), which netem may
 * shape. Transports a network namespace does not touch (Unix sockets, pipes, FIFOs) keep their
 * usual path whatever the link: {@link TransportKind#affectedByNetworkNamespaces()}.
 *
 * @param kind        {@value #LOOPBACK} or {@value #NETNS}
 * @param delayMicros delay netem adds to each packet, each way (0: none)
 * @param lossPercent share of packets netem drops, each way (0: none)
 */
public record LinkSettings(String kind, long delayMicros, double lossPercent) {
    public static final String LOOPBACK = "loopback";
    public static final String NETNS = "netns";
    public static final LinkSettings DEFAULT = new LinkSettings(LOOPBACK, 0, 0);

    public LinkSettings {
        if (!LOOPBACK.equals(kind) && !NETNS.equals(kind)) {
            throw new IllegalArgumentException("the link is " + LOOPBACK + " or " + NETNS + ", not '" + kind + "'");
        }
        if (delayMicros < 0 || !(lossPercent >= 0 && lossPercent < 100)) {
            throw new IllegalArgumentException("a link delay cannot be negative, and its loss is a share from 0 to "
                    + "100%");
        }
        if ((delayMicros > 0 || lossPercent > 0) && !NETNS.equals(kind)) {
            throw new IllegalArgumentException("--link-delay and --link-loss shape the veth of --link netns; loopback "
                    + "cannot be shaped without shaping the whole box: add --link netns");
        }
    }

    /** Whether the peer of tcp and udp cells sits in a namespace of its own. */
    public boolean acrossNamespace() {
        return NETNS.equals(kind);
    }

    /** Whether netem shapes the link. */
    public boolean shaped() {
        return delayMicros > 0 || lossPercent > 0;
    }

    /** "loopback", "netns veth", "netns veth, delay 100us, loss 0.1%": what the cells that cross it carry. */
    public String label() {
        if (!acrossNamespace()) {
            return LOOPBACK;
        }
        return "netns veth" + (delayMicros > 0 ? ", delay " + delayMicros + "us" : "")
                + (lossPercent > 0 ? String.format(Locale.ROOT, ", loss %s%%", lossPercent) : "");
    }

    /** The link a cell of {@code transport} crosses, or null for a transport network namespaces do not touch. */
    public String labelFor(TransportKind transport) {
        return transport.affectedByNetworkNamespaces() ? label() : null;
    }
}
