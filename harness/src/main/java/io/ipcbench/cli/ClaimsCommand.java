package io.ipcbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.ipcbench.claims.ClaimSettings;
import io.ipcbench.claims.ClaimsJudge;
import io.ipcbench.claims.ClaimsMarkdown;
import io.ipcbench.claims.ClaimsTable;
import io.ipcbench.command.ExitCode;
import io.ipcbench.command.UserError;
import io.ipcbench.results.BoxDrift;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipcbench claims RUN}: judges the well-known claims from a run and stores the verdicts in it. */
@Command(name = "claims", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Judges the well-known claims about local IPC (docs/claims.md) from a run: holds, does not hold, "
                        + "inconclusive or not measured, each with the figures, samples and scope behind it.",
                "Writes the verdicts into the run's run.json (claims) and claims.md, and prints a table. "
                        + "Each repetition of a cell (a fresh peer process) gives one value; comparisons take the "
                        + "ratio of the repetitions' geometric means with a t interval, so a firm verdict needs at "
                        + "least 3 repetitions a side (run with --repetitions 3 or more)."},
        footer = {"", "Exit codes: 0 judged, 2 missing or damaged run or bad command line, 3 other error "
                + "(e.g. the run folder is not writable)."})
public final class ClaimsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "A run folder or its run.json.")
    Path run;

    @Override
    public Integer call() throws IOException {
        RunResult result;
        try {
            result = RunFolder.read(run);
        } catch (RunFolder.InvalidRunException e) {
            throw new UserError("claims: " + e.getMessage());
        }
        Path folder = RunFolder.folderOf(run);
        ClaimSettings settings = ClaimSettings.defaults();
        List<ClaimVerdict> verdicts = new ClaimsJudge(settings).judge(result);

        // Back into the file that was read: a run.json given by another name is updated, not copied.
        Path runJson = Files.isDirectory(run) ? run.resolve(RunFolder.RUN_JSON) : run;
        RunFolder.writeAtomically(runJson, RunFolder.json().writeValueAsBytes(result.withClaims(verdicts)));
        Path markdown = folder.resolve(ClaimsMarkdown.FILE_NAME);
        RunFolder.writeAtomically(markdown,
                ClaimsMarkdown.render(result, verdicts, settings).getBytes(StandardCharsets.UTF_8));

        PrintWriter out = spec.commandLine().getOut();
        if (result.finishedAt() == null) {
            out.println("note: the run did not finish; the verdicts rest on the cells it has");
        }
        String drift = BoxDrift.noteFor(result);
        if (drift != null) {
            out.println("note: " + drift);
        }
        out.print(ClaimsTable.render(verdicts));
        out.println("claims: written to " + runJson + " and " + markdown);
        out.flush();
        return ExitCode.OK;
    }
}
