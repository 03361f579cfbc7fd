package io.ipcbench.results;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * A run folder: {@code run.json} and one HdrHistogram interval log per cell. This class is the one
 * place that knows the layout, the file names, the log's tags and the JSON mapping; every writer
 * and reader goes through it.
 *
 * <pre>
 * results/20261121-231500-host/
 *   run.json                         RunResult, schema ipcbench.run/1
 *   tcp_64B_1c_latency.hlog          interval log of one cell (HistogramLogWriter format)
 *   tcp_64B_1c_rate-25pct.hlog       a rate cell's: intervals tagged corrected and raw
 *   ...
 * </pre>
 *
 * <p>A latency cell's intervals are untagged; a rate cell's are tagged {@value #CORRECTED_TAG} (from
 * each message's intended send) and {@value #RAW_TAG} (from its actual send); a connect cell's whole
 * operations are untagged, its connect alone tagged {@value #CONNECT_TAG}. A cell of several
 * connections appends each connection's histogram of the whole measured part, tagged {@code c0},
 * {@code c1}, ...
 */
public final class RunFolder {
    public static final String RUN_JSON = "run.json";
    public static final String LOG_SUFFIX = ".hlog";
    /** Tag of a rate cell's intervals timed from each message's intended send. */
    public static final String CORRECTED_TAG = "corrected";
    /** Tag of a rate cell's intervals timed from each message's actual send. */
    public static final String RAW_TAG = "raw";
    /** Tag of a connect cell's intervals of the connect alone, beside its untagged whole operations. */
    public static final String CONNECT_TAG = "connect";
    private static final String CONNECTION_TAG_PREFIX = "c";
    private static final Pattern CONNECTION_TAG = Pattern.compile(CONNECTION_TAG_PREFIX + "\\d+");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunFolder() {
    }

    public static ObjectMapper json() {
        return MAPPER;
    }

    /**
     * The interval log's file name for a cell: {@code <transport>_<size>B_<connections>c_<mode>.hlog},
     * with {@code _r<k>} before the suffix for repetitions after the first. The transport is named
     * with its variant when it has one ({@link CellResult#transportName()}): {@code shm-spin_64B_1c_latency.hlog}.
     */
    public static String logFileName(String transport, int size, int connections, String mode, int repetition) {
        return logFileName(transport, "raw", size, connections, mode, repetition, null);
    }

    /**
     * As above; an engine other than the default {@code raw} is named after the transport
     * ({@code tcp_jdk_64B_1c_latency.hlog}), a link other than loopback after the mode
     * ({@link CellResult#linkTag}: {@code tcp_64B_1c_latency_netns-veth.hlog}).
     */
    public static String logFileName(String transport, String engine, int size, int connections, String mode,
                                     int repetition, String link) {
        String across = CellResult.linkTag(link);
        String base = transport + ("raw".equals(engine) ? "" : "_" + engine) + "_" + size + "B_" + connections + "c_"
                + mode + (across.isEmpty() ? "" : "_" + across);
        return (repetition > 0 ? base + "_r" + repetition : base) + LOG_SUFFIX;
    }

    /** Tag of connection {@code index}'s histogram: {@code c0}, {@code c1}, ... */
    public static String connectionTag(int index) {
        return CONNECTION_TAG_PREFIX + index;
    }

    /** Writes {@code run.json} atomically: a reader sees the old file or the new one, never half of one. */
    public static void write(Path folder, RunResult run) throws IOException {
        writeAtomically(folder.resolve(RUN_JSON), MAPPER.writeValueAsBytes(run));
    }

    /** Writes a file through a temporary sibling and a rename. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(temporary, content);
        moveAtomically(temporary, target);
    }

    public static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads a run from a run folder or straight from a {@code run.json}.
     *
     * @throws InvalidRunException when it is missing, is not JSON, or has another schema
     */
    public static RunResult read(Path folderOrFile) throws InvalidRunException {
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve(RUN_JSON) : folderOrFile;
        JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new InvalidRunException("no run found at " + file + ": give a run folder or its run.json");
        } catch (JsonProcessingException e) {
            throw new InvalidRunException(file + " is not valid JSON (" + e.getOriginalMessage()
                    + "): the run was cut short or the file was damaged");
        } catch (IOException e) {
            throw new InvalidRunException("cannot read " + file + ": " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidRunException(file + " is empty or not a JSON object");
        }
        String schema = tree.path("schema").asText(null);
        if (!RunResult.SCHEMA.equals(schema)) {
            throw new InvalidRunException(file + " has schema " + schema + ", this ipcbench reads "
                    + RunResult.SCHEMA);
        }
        try {
            return MAPPER.treeToValue(tree, RunResult.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRunException(file + " does not match " + RunResult.SCHEMA + ": " + e.getOriginalMessage());
        }
    }

    /** The folder a run was read from: the folder itself, or the parent of a {@code run.json}. */
    public static Path folderOf(Path folderOrFile) {
        return Files.isDirectory(folderOrFile) ? folderOrFile : folderOrFile.toAbsolutePath().getParent();
    }

    /**
     * Reads the cell's interval histograms, in order, all connections together: a latency or
     * connect cell's (untagged), or a rate cell's timed from the intended send ({@value #CORRECTED_TAG}),
     * the figures of its summary. (The other tagged series and per-connection totals are left out:
     * see {@link #readTagged} and {@link #readConnectionHistograms}.)
     *
     * @throws InvalidRunException when the log is missing or cannot be decoded
     */
    public static List<Histogram> readIntervals(Path log) throws InvalidRunException {
        return read(log, tag -> tag == null || CORRECTED_TAG.equals(tag));
    }

    /** Reads a rate cell's interval histograms timed from the actual send; empty for a latency cell. */
    public static List<Histogram> readRawIntervals(Path log) throws InvalidRunException {
        return readTagged(log, RAW_TAG);
    }

    /**
     * Reads the per-connection histograms of a many-connection cell: one per connection, tagged
     * {@code c<index>}, each covering the whole measured part. Empty for a one-connection cell.
     */
    public static List<Histogram> readConnectionHistograms(Path log) throws InvalidRunException {
        return read(log, tag -> tag != null && CONNECTION_TAG.matcher(tag).matches());
    }

    /**
     * Reads the interval histograms tagged {@code tag}: a rate cell's {@value #RAW_TAG} ones, a
     * connect cell's connect alone ({@value #CONNECT_TAG}).
     */
    public static List<Histogram> readTagged(Path log, String tag) throws InvalidRunException {
        return read(log, tag::equals);
    }

    private static List<Histogram> read(Path log, Predicate<String> tagWanted) throws InvalidRunException {
        List<Histogram> intervals = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (!(next instanceof Histogram histogram)) {
                    throw new InvalidRunException(log + " holds a double histogram, expected integer nanoseconds");
                }
                if (tagWanted.test(histogram.getTag())) {
                    intervals.add(histogram);
                }
            }
        } catch (FileNotFoundException e) {
            throw new InvalidRunException("interval log " + log + " is missing");
        } catch (RuntimeException e) {
            throw new InvalidRunException("interval log " + log + " cannot be decoded: " + e);
        }
        return intervals;
    }

    /** Reading a run or its logs failed for a reason the user can act on. */
    public static final class InvalidRunException extends IOException {
        public InvalidRunException(String message) {
            super(message);
        }
    }
}
