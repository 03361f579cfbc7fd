package io.ipcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.ipcbench.command.ExitCode;
import io.ipcbench.os.NetworkNamespace;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --link netns}: the tcp peer runs in a network namespace of its own and its cell crosses the
 * veth, the unix-stream peer stays in this one, and when the run ends no namespace, veth or address
 * is left; a namespace a killed run left is removed at the next start. Needs root (or
 * CAP_NET_ADMIN) and the ip command; skipped, saying why, where they are missing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LinkNetnsTest {
    private static final String OWN_NAMESPACE = link(Path.of("/proc/self/ns/net"));

    @TempDir
    Path dir;

    @BeforeEach
    void needsNamespaces() {
        String unavailable = NetworkNamespace.whyUnavailable();
        assumeTrue(unavailable == null, "skipped: " + unavailable);
    }

    @Test
    void theTcpPeerSitsAcrossTheVethAndNothingIsLeftBehind() throws Exception {
        Map<String, String> peerNamespaces = new ConcurrentHashMap<>();
        Thread watcher = new Thread(() -> watchPeers(peerNamespaces), "peer-namespace-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Path out = dir.resolve("run");
        CommandRun run;
        try {
            run = CommandRun.of("run", "--link", "netns", "--transports", "tcp,unix-stream", "--sizes", "64",
                    "--iterations", "2000", "--warmup", "500", "--no-canary", "--quiet", "--out", out.toString());
        } finally {
            watcher.interrupt();
            watcher.join();
        }

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertNotEquals(OWN_NAMESPACE, peerNamespaces.get("tcp"), "the tcp peer ran in another network namespace");
        assertEquals(OWN_NAMESPACE, peerNamespaces.get("unix-stream"), "the unix-stream peer stayed in this one");
        RunResult result = RunFolder.read(out);
        CellResult tcp = result.cells().stream().filter(c -> c.transport().equals("tcp")).findFirst().orElseThrow();
        assertTrue(tcp.ok(), tcp.error());
        assertEquals("netns veth", tcp.link());
        assertTrue(tcp.key().endsWith("/netns-veth"), tcp.key());
        assertTrue(tcp.histogramLog().contains("netns-veth"), tcp.histogramLog());
        assertNull(result.cells().stream().filter(c -> c.transport().equals("unix-stream")).findFirst().orElseThrow()
                .link(), "no link touches a Unix socket");
        String namespace = result.environment().link().namespace();
        String device = result.environment().link().clientDevice();
        assertTrue(result.environment().link().mtu() > 0);

        assertFalse(Files.exists(Path.of("/var/run/netns", namespace)), "no namespace is left");
        assertFalse(Files.exists(Path.of("/sys/class/net", device)), "no veth is left");
        assertFalse(ip("-o", "-4", "addr", "show").contains(result.environment().link().clientAddress() + "/"),
                "no address is left");
    }

    @Test
    void aNamespaceAKilledRunLeftIsRemovedAtTheNextStart() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String orphan = "ipcbench-" + gone.pid() + "-1";
        ip("netns", "add", orphan);
        try {
            assertTrue(NetworkNamespace.removeOrphans().contains(orphan));
            assertFalse(Files.exists(Path.of("/var/run/netns", orphan)));
        } finally {
            new ProcessBuilder("ip", "netns", "delete", orphan).start().waitFor();
        }
    }

    /** Records, for each peer process of this JVM, its transport and its network namespace, once it runs Java. */
    private static void watchPeers(Map<String, String> namespaces) {
        while (!Thread.currentThread().isInterrupted()) {
            ProcessHandle.current().descendants().forEach(process -> {
                Path proc = Path.of("/proc", Long.toString(process.pid()));
                try {
                    List<String> arguments = List.of(Files.readString(proc.resolve("cmdline")).split("\0"));
                    int transport = arguments.indexOf("--transport");
                    if (arguments.get(0).endsWith("java") && transport > 0) {
                        namespaces.put(arguments.get(transport + 1), link(proc.resolve("ns/net")));
                    }
                } catch (IOException | RuntimeException gone) {
                    // Not started yet, or already ended.
                }
            });
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String link(Path path) {
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ip(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }
}
