package io.ipcbench.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.ipcbench.results.RunFolder;

/**
 * The baseline runs a candidate is judged against: each {@code --baseline} run, then the newest
 * {@code historySize} run folders of a {@code --history} folder (by the time each run started).
 * A history folder is what CI keeps, e.g. the last nightly runs; a run folder in it is a folder
 * with a run.json. The candidate itself is never its own baseline, and no run counts twice.
 */
final class Baselines {
    private Baselines() {
    }

    /**
     * @param runs  the baseline runs, oldest first
     * @param notes what was left out, and why
     */
    public record Found(List<GateRun> runs, List<String> notes) {
        public Found {
            runs = List.copyOf(runs);
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param baselines   run folders or run.json files given one by one
     * @param history     a folder of run folders, or null
     * @param historySize how many of the history's newest runs to take
     * @param candidate   the run being judged, left out of the history when it lies there
     * @throws RunFolder.InvalidRunException when a run cannot be read, or the history folder is missing
     */
    public static Found find(List<Path> baselines, Path history, int historySize, Path candidate)
            throws RunFolder.InvalidRunException {
        List<GateRun> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path baseline : baselines) {
            runs.add(GateRun.read(baseline));
        }
        if (history != null) {
            List<GateRun> found = new ArrayList<>();
            for (Path folder : runFolders(history)) {
                if (sameFolder(folder, RunFolder.folderOf(candidate))) {
                    notes.add("the candidate lies in the history folder and is not its own baseline");
                } else if (runs.stream().noneMatch(run -> sameFolder(folder, run.folder()))) {
                    found.add(GateRun.read(folder));
                }
            }
            found.sort(Comparator.comparing((GateRun run) -> String.valueOf(run.result().startedAt()))
                    .thenComparing(run -> run.folder().toString()));
            if (found.size() > historySize) {
                notes.add("the history holds " + found.size() + " runs; the newest " + historySize + " are used");
                found = found.subList(found.size() - historySize, found.size());
            }
            runs.addAll(found);
        }
        return new Found(runs, notes);
    }

    private static List<Path> runFolders(Path history) throws RunFolder.InvalidRunException {
        if (!Files.isDirectory(history)) {
            throw new RunFolder.InvalidRunException("no history folder at " + history
                    + ": give a folder that holds run folders");
        }
        try (Stream<Path> children = Files.list(history)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(RunFolder.RUN_JSON))).sorted().toList();
        } catch (IOException e) {
            throw new RunFolder.InvalidRunException("cannot list the history folder " + history + ": "
                    + e.getMessage());
        }
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
