package io.ipcbench.os;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A network namespace made for one run and joined to this one by a veth pair: a peer started in it
 * (through {@link #commandPrefix()}) reaches this side over a real network device (a qdisc, a
 * driver, a softirq) instead of loopback's shortcut, without a second machine.
 *
 * <pre>
 *   this namespace                                  ipcbench-PID-START
 *   ipcbPIDc 198.51.100.(4k+1)/30  ◄── veth ──►  ipcbPIDp 198.51.100.(4k+2)/30, lo
 * </pre>
 *
 * <p>The addresses come from 198.51.100.0/24, a range kept for documentation (RFC 5737), in the
 * first /30 no other interface here uses. The veth pair is made with its far end already inside the
 * namespace, in one command, so deleting the namespace removes the pair and its addresses with it.
 *
 * <p>{@link #close()} deletes it, and so does {@link Cleanup} on Ctrl-C. A run killed with SIGKILL
 * cleans nothing up, so the namespace is named after the run's {@link ProcessIdentity}, and
 * {@link #removeOrphans()} deletes, at the start of the next run, those whose process is gone, as
 * {@link PrivateDirectory#removeOrphans()} does for the private directories.
 */
public final class NetworkNamespace implements AutoCloseable {
    /** The documentation range the veth addresses come from. */
    static final String ADDRESS_RANGE = "198.51.100.";
    static final String PREFIX = "ipcbench-";
    private static final Path NAMESPACES = Path.of("/var/run/netns");
    private static final int CAP_NET_ADMIN = 12;
    /** Deleting a namespace frees its veth pair a moment later: wait this long for it to go. */
    private static final long DEVICE_GONE_MILLIS = 5_000;

    private final String name;
    private final String clientDevice;
    private final String peerDevice;
    private final String clientAddress;
    private final String peerAddress;
    private final Runnable unregister;

    private NetworkNamespace(String name, String clientDevice, String peerDevice, String clientAddress,
                             String peerAddress) {
        this.name = name;
        this.clientDevice = clientDevice;
        this.peerDevice = peerDevice;
        this.clientAddress = clientAddress;
        this.peerAddress = peerAddress;
        this.unregister = Cleanup.register(this::delete);
    }

    /** Null if this process can make a namespace and a veth pair, else why not, in a line. */
    public static String whyUnavailable() {
        if (!hasNetAdmin()) {
            return "--link netns makes a network namespace and a veth pair, which needs root or CAP_NET_ADMIN; "
                    + "this process has neither";
        }
        try {
            if (!Command.run(List.of("ip", "-V")).ok()) {
                return "--link netns needs the ip command (iproute2), and ip -V failed";
            }
        } catch (IOException e) {
            return "--link netns needs the ip command (iproute2), which is not on the PATH";
        }
        return null;
    }

    /** Bit 12 of the effective capabilities in /proc/self/status. */
    private static boolean hasNetAdmin() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    long capabilities = Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16);
                    return (capabilities & (1L << CAP_NET_ADMIN)) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /**
     * Makes the namespace, the veth pair and their addresses, and brings them up. Nothing is left
     * behind when a step fails.
     */
    public static NetworkNamespace create() throws IOException {
        ProcessIdentity owner = ProcessIdentity.current();
        String name = PREFIX + owner.pid() + "-" + owner.startTime();
        // An interface name holds 15 characters; a pid is unique among the runs alive.
        String clientDevice = "ipcb" + owner.pid() + "c";
        String peerDevice = "ipcb" + owner.pid() + "p";
        int block = freeBlock();
        String clientAddress = ADDRESS_RANGE + (4 * block + 1);
        String peerAddress = ADDRESS_RANGE + (4 * block + 2);
        Command.require(List.of("ip", "netns", "add", name));
        NetworkNamespace namespace = new NetworkNamespace(name, clientDevice, peerDevice, clientAddress, peerAddress);
        try {
            Command.require(List.of("ip", "link", "add", clientDevice, "type", "veth", "peer", "name", peerDevice,
                    "netns", name));
            Command.require(List.of("ip", "addr", "add", clientAddress + "/30", "dev", clientDevice));
            Command.require(List.of("ip", "link", "set", clientDevice, "up"));
            Command.require(List.of("ip", "-n", name, "addr", "add", peerAddress + "/30", "dev", peerDevice));
            Command.require(List.of("ip", "-n", name, "link", "set", peerDevice, "up"));
            Command.require(List.of("ip", "-n", name, "link", "set", "lo", "up"));
            return namespace;
        } catch (IOException | RuntimeException e) {
            namespace.close();
            throw e;
        }
    }

    /** The first /30 of the documentation range that no interface here has an address in. */
    private static int freeBlock() throws IOException {
        Set<Integer> used = new HashSet<>();
        for (String word : Command.require(List.of("ip", "-o", "-4", "addr", "show")).split("\\s+")) {
            if (word.startsWith(ADDRESS_RANGE)) {
                used.add(Integer.parseInt(word.substring(ADDRESS_RANGE.length()).split("/")[0]) / 4);
            }
        }
        for (int block = 0; block < 64; block++) {
            if (!used.contains(block)) {
                return block;
            }
        }
        throw new IOException("every /30 of " + ADDRESS_RANGE + "0/24 is in use here");
    }

    /**
     * Shapes both ends of the veth pair with netem: {@code delayMicros} and {@code lossPercent}
     * each way. Fails with one line where the kernel has no netem.
     */
    public void shape(long delayMicros, double lossPercent) throws IOException {
        List<String> netem = new ArrayList<>(List.of("root", "netem"));
        if (delayMicros > 0) {
            netem.addAll(List.of("delay", delayMicros + "us"));
        }
        if (lossPercent > 0) {
            netem.addAll(List.of("loss", String.format(Locale.ROOT, "%s%%", lossPercent)));
        }
        for (List<String> tc : List.of(List.of("tc", "qdisc", "add", "dev", clientDevice),
                List.of("tc", "-n", name, "qdisc", "add", "dev", peerDevice))) {
            List<String> command = new ArrayList<>(tc);
            command.addAll(netem);
            Command.Result result = Command.run(command);
            if (!result.ok()) {
                throw new IOException(result.output().contains("qdisc kind is unknown")
                        ? "this kernel has no netem (the sch_netem module): --link-delay and --link-loss cannot "
                        + "shape the link here; leave them out to measure the veth as it is"
                        : "tc could not shape the link: " + result.lastLine());
            }
        }
    }

    /** The namespace's name, {@code ipcbench-PID-START}. */
    public String name() {
        return name;
    }

    /** This side's end of the veth pair. */
    public String clientDevice() {
        return clientDevice;
    }

    /** This side's address on the veth: what the tcp and udp listeners bind. */
    public String clientAddress() {
        return clientAddress;
    }

    /** The peer's address, inside the namespace. */
    public String peerAddress() {
        return peerAddress;
    }

    /** The veth's MTU, as this side's end has it. */
    public int mtu() throws IOException {
        return Integer.parseInt(Files.readString(Path.of("/sys/class/net", clientDevice, "mtu")).trim());
    }

    /** The qdisc on this side's end, as tc shows it: netem's settings when the link is shaped. */
    public String qdisc() throws IOException {
        return Command.require(List.of("tc", "qdisc", "show", "dev", clientDevice)).lines().findFirst()
                .orElse("").trim();
    }

    /** What runs a command inside the namespace: {@code ip netns exec NAME}, which execs it under the same pid. */
    public List<String> commandPrefix() {
        return List.of("ip", "netns", "exec", name);
    }

    @Override
    public void close() {
        unregister.run();
        delete();
    }

    private void delete() {
        delete(name, clientDevice);
    }

    /** Deletes the namespace (its veth pair goes with it) and waits until this side's end has gone. */
    private static void delete(String name, String clientDevice) {
        try {
            Command.Result result = Command.run(List.of("ip", "netns", "delete", name));
            if (!result.ok() && Files.exists(NAMESPACES.resolve(name))) {
                System.err.println("ipcbench: could not delete the network namespace " + name + ": "
                        + result.lastLine());
            }
        } catch (IOException e) {
            System.err.println("ipcbench: could not delete the network namespace " + name + ": " + e.getMessage());
        }
        long deadline = System.nanoTime() + DEVICE_GONE_MILLIS * 1_000_000L;
        while (clientDevice != null && Files.exists(Path.of("/sys/class/net", clientDevice))
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Deletes the namespaces (and so the veth pairs and addresses) that a killed run left: those
     * named after a process that no longer runs. Others' are left alone.
     *
     * @return the namespaces deleted
     */
    public static List<String> removeOrphans() {
        List<String> removed = new ArrayList<>();
        try (DirectoryStream<Path> namespaces = Files.newDirectoryStream(NAMESPACES, PREFIX + "*")) {
            for (Path namespace : namespaces) {
                String name = namespace.getFileName().toString();
                ProcessIdentity owner = ProcessIdentity.parse(name.substring(PREFIX.length()).replace('-', ' '));
                if (owner != null && !owner.isAlive()) {
                    delete(name, "ipcb" + owner.pid() + "c");
                    if (!Files.exists(namespace)) {
                        removed.add(name);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // No namespaces here, or none readable: a sweep never stops a run.
        }
        return removed;
    }
}
