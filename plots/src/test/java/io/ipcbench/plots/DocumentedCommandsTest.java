package io.ipcbench.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.ipcbench.cli.AdviceCheck;
import io.ipcbench.command.Advice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code java -jar harness/target/ipcbench.jar ...} command line in the project's Markdown
 * (README, docs, the modules' READMEs), parsed with the real command line as a reader would paste
 * it. Checked here, where every subcommand, the plotter's too, is on the class path.
 */
@Timeout(60)
class DocumentedCommandsTest {
    private static final Path PROJECT = Path.of("..");
    private static final String JAR = "java -jar harness/target/ipcbench.jar ";

    private static List<Path> markdown() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        for (String readme : List.of("README.md", "plots/README.md", "results/README.md", "benchmarks/README.md")) {
            files.add(PROJECT.resolve(readme));
        }
        return files;
    }

    /**
     * The command lines of a file's fenced code blocks: from the jar to the end of the command (a
     * line continued with a backslash goes on; {@code ||} and what follows are the shell's).
     */
    static List<List<String>> commandLines(List<String> lines) {
        List<List<String>> commands = new ArrayList<>();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            int at = line.indexOf(JAR);
            if (!fenced || at < 0) {
                continue;
            }
            StringBuilder command = new StringBuilder(line.substring(at + JAR.length()));
            while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
                command.setLength(command.length() - 1);
                command.append(' ').append(lines.get(++i).strip());
            }
            String text = command.toString();
            int shell = text.indexOf("||");
            commands.add(words(shell < 0 ? text : text.substring(0, shell)));
        }
        return commands;
    }

    /** The shell's words, quotes taken off: {@code --out "$run"} is {@code --out} and {@code $run}. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            words.add(word.replaceAll("^[\"']|[\"']$", ""));
        }
        return words;
    }

    @Test
    void everyDocumentedCommandLineParses() throws IOException {
        int checked = 0;
        for (Path file : markdown()) {
            for (List<String> command : commandLines(Files.readAllLines(file))) {
                Advice documented = new Advice(command.get(0), command.subList(1, command.size()));
                try {
                    AdviceCheck.parses(documented);
                } catch (AssertionError e) {
                    throw new AssertionError(file.normalize() + ": " + e.getMessage(), e);
                }
                checked++;
            }
        }
        // The gate's guide alone shows a dozen; finding far fewer means the search broke, not the docs.
        assertTrue(checked >= 10, "command lines found: " + checked);
    }

    @Test
    void aContinuedCommandIsReadToItsEndAndTheShellsPartIsLeftOut() {
        List<List<String>> commands = commandLines(List.of("```sh",
                "          " + JAR + "gate --history \"$HISTORY\" --candidate \"$run\" \\",
                "              --json gate.json || status=$?", "```", JAR + "run --outside-a-block"));

        assertEquals(List.of(List.of("gate", "--history", "$HISTORY", "--candidate", "$run", "--json", "gate.json")),
                commands);
    }
}
