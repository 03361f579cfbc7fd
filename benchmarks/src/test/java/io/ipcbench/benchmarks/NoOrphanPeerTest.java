package io.ipcbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JMH fork that is killed outright (SIGKILL: no shutdown hook, no tear-down) must not leave its
 * peer running. The peer watches its parent and its standard input; this checks that it does.
 */
@Timeout(60)
class NoOrphanPeerTest {
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "pipe"})
    void thePeerDiesWhenItsForkIsKilled(String transport) throws IOException, InterruptedException {
        Process fork = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanCheckMain.class.getName(), transport)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path directory = null;
        try {
            String[] started = readStartLine(fork);
            long peerPid = Long.parseLong(started[1]);
            directory = Path.of(started[2]);
            ProcessHandle peer = ProcessHandle.of(peerPid).orElseThrow();
            assertTrue(peer.isAlive());

            fork.destroyForcibly();
            assertTrue(fork.waitFor(10, TimeUnit.SECONDS), "the fork did not die");

            boolean exited;
            try {
                peer.onExit().get(10, TimeUnit.SECONDS);
                exited = true;
            } catch (ExecutionException | TimeoutException e) {
                exited = false;
                peer.destroyForcibly();
            }
            assertTrue(exited, "the peer " + peerPid + " outlived its killed fork");
            assertFalse(peer.isAlive());
        } finally {
            fork.destroyForcibly();
            // A fork killed outright cannot remove its private directory; the test does it for it.
            deleteTree(directory);
        }
    }

    private static String[] readStartLine(Process fork) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(fork.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertNotNull(line, "the stand-in fork printed nothing (exit " + (fork.isAlive() ? "-" : fork.exitValue()) + ")");
        String[] words = line.trim().split(" ");
        assertTrue(words.length == 3 && words[0].equals("peer"), line);
        return words;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
