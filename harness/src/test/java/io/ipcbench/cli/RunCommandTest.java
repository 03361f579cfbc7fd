package io.ipcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.ipcbench.command.ExitCode;
import io.ipcbench.command.UserError;
import io.ipcbench.config.RunConfig;
import io.ipcbench.results.Placement;
import io.ipcbench.results.RequestedRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Every flag means exactly its builder call, and every bad input is one line, exit 2, and no files. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunCommandTest {
    @TempDir
    Path directory;

    private static RunConfig parse(String... args) {
        RunCommand command = new RunCommand();
        new CommandLine(command).parseArgs(args);
        return command.config("default-out");
    }

    @Test
    void defaultsAreTheConfigurationDefaults() {
        RunConfig config = parse();
        // The order seed is drawn at random when none is given: the one thing a default cannot fix.
        RunConfig defaults = RunConfig.builder().outputDirectory("default-out").orderSeed(config.orderSeed()).build();
        assertEquals(defaults, config);
        assertNotEquals(config.orderSeed(), parse().orderSeed(), "a fresh seed each run");
    }

    @Test
    void eachFlagSetsItsSetting() {
        RunConfig config = parse("--transports", "tcp,unix-dgram", "--sizes", "8,1k,200k", "--iterations", "10k",
                "--warmup", "3s", "--interval", "250ms", "--pin", "0,0", "--no-tcp-nodelay", "--bind", "127.0.0.2",
                "--peer-timeout", "2s", "--receive-timeout", "50ms", "--sndbuf", "256k", "--rcvbuf", "1m",
                "--peer-delay-us", "7", "--repetitions", "3", "--out", "somewhere", "--engine", "raw", "--probes",
                "--order-seed", "9", "--no-canary", "--shm-idle", "yield, backoff");
        RunConfig expected = RunConfig.builder().transports(List.of("tcp", "unix-dgram"))
                .variants(Map.of("shm", List.of("yield", "backoff")))
                .sizes(List.of(8, 1024, 200 << 10)).iterations(10_000).warmupMillis(3_000).intervalMillis(250)
                .pin(new Placement(0, 0)).tcpNoDelay(false).bindHost("127.0.0.2").peerTimeoutMillis(2_000)
                .receiveTimeoutMillis(50).sendBufferBytes(256 * 1024).receiveBufferBytes(1 << 20).peerDelayMicros(7).repetitions(3)
                .outputDirectory("somewhere").engine("raw").probes(true).orderSeed(9).canary(false).build();
        assertEquals(expected, config);
    }

    @Test
    void eachRateFlagSetsItsSetting() {
        RunConfig config = parse("--rates", "10%,12.5%,50k,50000", "--rate-sizes", "64,1k", "--rate-connections", "1,8",
                "--rate-transports", "tcp,unix-stream", "--rate-duration", "3s", "--p99-budget", "250us",
                "--order-seed", "9");
        RunConfig expected = RunConfig.builder().outputDirectory("default-out").orderSeed(9)
                .rates(List.of(RequestedRate.parse("10%"), RequestedRate.parse("12.5%"), new RequestedRate(50_000, 0)))
                .rateSizes(List.of(64, 1024)).rateConnections(List.of(1, 8))
                .rateTransports(List.of("tcp", "unix-stream")).rateMillis(3_000).p99BudgetNanos(250_000).build();
        assertEquals(expected, config);
        assertEquals(List.of(new RequestedRate(0, 25)), parse("--rate", "25%").rates());
    }

    @Test
    void sizesNoneLeavesOnlyThroughputCells() {
        RunConfig config = parse("--sizes", "none", "--throughput-sizes", "64k");
        assertEquals(List.of(), config.sizes());
        assertEquals(List.of(65_536), config.throughputSizes());
    }

    @Test
    void connectFlagsSetTheirSettings() {
        RunConfig config = parse("--sizes", "none", "--connect-sizes", "64,1k", "--closer", "peer", "--linger0");
        assertEquals(List.of(), config.sizes());
        assertEquals(List.of(64, 1024), config.connectSizes());
        assertEquals("peer", config.closer());
        assertTrue(config.linger0());
        RunConfig defaults = parse("--connect-sizes", "64");
        assertEquals("client", defaults.closer());
        assertFalse(defaults.linger0());
    }

    @Test
    void aDurationReplacesTheIterationCount() {
        RunConfig config = parse("--duration", "2m", "--warmup", "500");
        assertEquals(0, config.iterations());
        assertEquals(120_000, config.durationMillis());
        assertEquals(500, config.warmupIterations());
        assertEquals(0, config.warmupMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--transports=carrier-pigeon",
            "--sizes=0",
            "--sizes=-5",
            "--sizes=4",
            "--sizes=lots",
            "--transports=udp --sizes=70000",
            "--transports=unix-dgram --sizes=300000",
            "--pin=0",
            "--pin=0,99",
            "--pin=a,b",
            "--iterations=1000 --duration=1s",
            "--duration=forever",
            "--engine=quantum",
            "--no-such-flag",
            "--repetitions=0",
            "--transports=tcp --sizes=1024m --connections=512",
            "--rates=fast",
            "--rates=25%,0%",
            "--rates=-5",
            "--rate=10% --rates=20%",
            "--rates=10% --p99-budget=soon",
            "--transports=shm --shm-idle=fast",
            "--transports=shm --shm-idle=spin --pin=0,0",
            "--transports=shm --sizes=64m",
            "--transports=shm --sizes=none --rate-sizes=64 --rates=50%",
            "--connect-sizes=4",
            "--connect-sizes=64 --closer=nobody",
            "--transports=udp,pipe --sizes=none --connect-sizes=64"})
    void badInputIsOneLineExitTwoAndNoFiles(String arguments) {
        Path out = directory.resolve("run");
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        String[] args = (arguments + " --out=" + out).split(" ");
        String[] full = new String[args.length + 1];
        full[0] = "run";
        System.arraycopy(args, 0, full, 1, args.length);

        int exit = commandLine.execute(full);

        assertEquals(ExitCode.USAGE, exit, err.toString());
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), "one line: " + message);
        assertTrue(message.startsWith("ipcbench: "), message);
        assertFalse(message.contains("Exception"), "no stack trace or exception name: " + message);
        assertFalse(Files.exists(out), "nothing written for a bad command line");
    }

    @Test
    void thePlanSaysHowManyCellsAndAboutHowLongAndWritesNothing() {
        Path out = directory.resolve("run");
        CommandRun run = CommandRun.of("run", "--transports", "pipe,tcp,unix-stream", "--sizes", "64,1k",
                "--connections", "1,8", "--throughput-sizes", "64", "--duration", "1s", "--warmup", "300ms",
                "--plan", "--out", out.toString());

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        // Latency: pipe at one connection, tcp and unix-stream at one and eight, at two sizes; throughput at one size.
        assertTrue(lines.get(0).startsWith("15 cells (10 latency, 5 throughput, 0 rate), about "), lines.get(0));
        assertEquals(List.of("skipped: pipe at 8 connections: not supported: a child process has one standard input "
                + "and output, so one pipe pair"), lines.subList(1, lines.size()));
        assertFalse(Files.exists(out), "a plan writes nothing");
    }

    @Test
    void busySpinWithBothSidesOnOneCpuIsRefusedInOneLineThatSaysWhy() {
        CommandRun run = CommandRun.of("run", "--transports", "shm,pipe", "--shm-idle", "spin,backoff", "--pin", "0,0",
                "--plan", "--out", directory.resolve("run").toString());
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("ipcbench: shm idle spin cannot run with both sides on CPU 0: a spinning side keeps the one CPU "
                + "its peer needs until the scheduler preempts it, milliseconds later, so the cell would measure the "
                + "scheduler's time slice. Pin them to two CPUs or choose another idle", run.err().strip());
    }

    @Test
    void aCellTooLargeForTheMemoryIsSkippedWithItsReasonWhenAsked() {
        CommandRun run = CommandRun.of("run", "--transports", "tcp", "--sizes", "64,1024m", "--connections", "512",
                "--skip-oversized", "--plan", "--out", directory.resolve("run").toString());

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("1 cell (1 latency, 0 throughput, 0 rate)"), run.out());
        assertTrue(run.out().contains("skipped: tcp, 1073741824 B, 512 connections: its message buffers take "),
                run.out());
    }

    @Test
    void anUnwritableOutputFolderIsAUserError() throws Exception {
        Path blocker = directory.resolve("a-file");
        Files.writeString(blocker, "not a folder");
        UserError error = assertThrows(UserError.class,
                () -> RunCommand.prepareFolder(blocker.resolve("run")));
        assertTrue(error.getMessage().contains("--out"), error.getMessage());
    }

    @Test
    void aFolderThatHoldsARunIsNotOverwritten() throws Exception {
        Files.writeString(directory.resolve("run.json"), "{}");
        assertThrows(UserError.class, () -> RunCommand.prepareFolder(directory));
    }

    @Test
    void helpWorks() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        assertEquals(0, commandLine.execute("run", "--help"));
        assertTrue(out.toString().contains("--transports"));
    }
}
