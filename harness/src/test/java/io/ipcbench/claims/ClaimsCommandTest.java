package io.ipcbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ipcbench.cli.CommandRun;
import io.ipcbench.cli.Main;
import io.ipcbench.command.ExitCode;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipcbench claims RUN} through the real command line: the files it writes, its output, its exit codes. */
@Timeout(60)
class ClaimsCommandTest {
    @TempDir
    Path dir;

    static CommandRun claims(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "claims";
        System.arraycopy(args, 0, full, 1, args.length);
        return CommandRun.of(full);
    }

    private Path run() throws IOException {
        return new SyntheticRun(dir.resolve("run"), 1)
                .latency("unix-stream", 64, 5_000).latency("tcp", 64, 10_000).write();
    }

    @Test
    void writesTheVerdictsIntoRunJsonAndClaimsMd() throws IOException {
        Path folder = run();
        CommandRun r = claims(folder.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());

        RunResult judged = RunFolder.read(folder);
        assertEquals(Claim.values().length, judged.claims().size());
        ClaimVerdict uds = judged.claims().get(0);
        assertEquals("uds-latency", uds.id());
        assertEquals(ClaimVerdict.HOLDS, uds.verdict(), uds.summary());
        assertEquals(6, judged.cells().size(), "the cells are kept as they were");
        assertEquals(2, judged.repetitions().size(), "the repetitions summarised per cell");

        String markdown = Files.readString(folder.resolve("claims.md"));
        assertTrue(markdown.contains("| uds-latency | **holds** |"), markdown);
        assertTrue(markdown.contains("## nagle: not measured"), markdown);
        assertTrue(markdown.contains("- unix-stream / tcp round-trip p50 = 0.5"), markdown);

        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("uds-latency") && l.contains("holds")), r.out());
        assertTrue(r.out().contains("claims.md"), r.out());
    }

    @Test
    void acceptsTheRunJsonItselfAndJudgesAgainTheSame() throws IOException {
        Path folder = run();
        assertEquals(0, claims(folder.resolve("run.json").toString()).exitCode());
        RunResult first = RunFolder.read(folder);
        assertEquals(0, claims(folder.toString()).exitCode());
        assertEquals(first, RunFolder.read(folder), "judging a judged run changes nothing");
    }

    @Test
    void aMissingRunIsOneLineAndExitTwo() {
        CommandRun r = claims(dir.resolve("nothing").toString());
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertOneLine(r.err());
        assertTrue(r.err().contains("no run found"), r.err());
    }

    @Test
    void aDamagedRunIsOneLineAndExitTwo() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("damaged"));
        Files.writeString(folder.resolve("run.json"), "{\"schema\":\"ipcbench.run/1\",\"cells\":[");
        CommandRun r = claims(folder.toString());
        assertEquals(ExitCode.USAGE, r.exitCode());
        assertOneLine(r.err());
        assertFalse(Files.exists(folder.resolve("claims.md")), "nothing is written for a damaged run");
    }

    @Test
    void anUnfinishedRunIsSaidSo() throws IOException {
        Path folder = new SyntheticRun(dir.resolve("cut"), 2).unfinished().latency("tcp", 64, 10_000).write();
        CommandRun r = claims(folder.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("note: the run did not finish"), r.out());
        assertTrue(Files.readString(folder.resolve("claims.md")).contains("The run did not finish"));
    }

    @Test
    void aBoxThatChangedDuringTheRunIsSaidSo() throws IOException {
        Path folder = new SyntheticRun(dir.resolve("drift"), 3).canaries(20_000, 26_000)
                .latency("unix-stream", 64, 5_000).latency("tcp", 64, 10_000).write();
        CommandRun r = claims(folder.toString());
        assertEquals(0, r.exitCode(), r.err());
        // Six cells: a quarter is one cell.
        String line = "the box itself changed by +30% during this run (box canary 20.0 µs in its first quarter of "
                + "cells, 26.0 µs in its last)";
        assertTrue(r.out().startsWith("note: " + line), r.out());
        assertTrue(Files.readString(folder.resolve("claims.md")).contains("**Note**: " + line + "."));

        Path steady = new SyntheticRun(dir.resolve("steady"), 3).canaries(20_000, 20_500)
                .latency("unix-stream", 64, 5_000).latency("tcp", 64, 10_000).write();
        CommandRun quiet = claims(steady.toString());
        assertFalse(quiet.out().contains("the box itself changed"), quiet.out());
    }

    private static void assertOneLine(String err) {
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }
}
