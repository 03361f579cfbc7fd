package io.ipcbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipcbench.claims.Claim;
import io.ipcbench.cli.CommandRun;
import io.ipcbench.command.ExitCode;
import io.ipcbench.cli.SmallRun;
import io.ipcbench.config.LinkSettings;
import io.ipcbench.config.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/run.schema.json against what the harness writes: a real run folder validates, the schema
 * describes every record the run folder holds field for field, and it rejects what it should.
 */
@Timeout(120)
class RunSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each object the schema defines, and the record Jackson writes it from. */
    private static final Map<String, Class<?>> DEFINITIONS = Map.ofEntries(
            Map.entry("config", RunConfig.class), Map.entry("placement", Placement.class),
            Map.entry("calibration", Calibration.class), Map.entry("environment", Environment.class),
            Map.entry("box", Box.class), Map.entry("cpuState", Box.CpuState.class),
            Map.entry("cpuPair", Box.CpuPair.class), Map.entry("cell", CellResult.class),
            Map.entry("warmup", Warmup.class), Map.entry("latencySummary", LatencySummary.class),
            Map.entry("datagramCounts", DatagramCounts.class), Map.entry("integrityErrors", IntegrityErrors.class),
            Map.entry("spread", Spread.class), Map.entry("throughput", Throughput.class),
            Map.entry("throughputSample", Throughput.ThroughputSample.class), Map.entry("offeredLoad", OfferedLoad.class),
            Map.entry("sustainableRate", SustainableRate.class),
            Map.entry("socketBuffers", SocketBuffers.class), Map.entry("cpuCost", CpuCost.class),
            Map.entry("processCost", CpuCost.ProcessCost.class), Map.entry("cellLoad", CellLoad.class),
            Map.entry("probes", ProbeResults.class), Map.entry("boundaryProbe", ProbeResults.BoundaryProbe.class),
            Map.entry("datagramLimit", ProbeResults.DatagramLimit.class), Map.entry("nagleProbe", ProbeResults.NagleProbe.class),
            Map.entry("bulkTransfer", ProbeResults.BulkTransfer.class), Map.entry("claim", ClaimVerdict.class),
            Map.entry("claimComparison", ClaimComparison.class), Map.entry("canary", Canary.class),
            Map.entry("repetitionSummary", RepetitionSummary.class),
            Map.entry("repetitionFigure", RepetitionSummary.Figure.class),
            Map.entry("linkSettings", LinkSettings.class), Map.entry("networkLink", NetworkLink.class),
            Map.entry("connectSetUp", ConnectSetUp.class));

    @Test
    void aRealRunFolderWithItsClaimsJudgedIsValid() throws IOException {
        String runJson = Files.readString(SmallRun.folder().resolve(RunFolder.RUN_JSON));

        assertEquals(List.of(), RunSchema.problems(runJson));
        JsonNode run = JSON.readTree(runJson);
        assertEquals(Claim.values().length, run.path("claims").size(), "the claims are in what was validated");
        assertEquals(SmallRun.REPETITIONS, run.path("cells").findValues("repetition").stream()
                .mapToInt(JsonNode::asInt).distinct().count());
        assertTrue(run.at("/environment/box/cpus").size() > 0);
    }

    @Test
    void aRealRunOfRateCellsIsValid(@TempDir Path temp) throws IOException {
        Path folder = temp.resolve("rate");
        CommandRun measured = CommandRun.of("run", "--transports", SmallRun.TRANSPORT, "--sizes", "none", "--rates",
                "50%,2000", "--rate-sizes", "64", "--duration", "100ms", "--warmup", "50ms", "--rate-duration", "100ms",
                "--interval", "20ms", "--pin", SmallRun.pin(), "--quiet", "--out", folder.toString());
        assertEquals(ExitCode.OK, measured.exitCode(), measured.err() + measured.out());
        String runJson = Files.readString(folder.resolve(RunFolder.RUN_JSON));

        assertEquals(List.of(), RunSchema.problems(runJson));
        JsonNode run = JSON.readTree(runJson);
        // The closed-loop cell the percentage is of, and the two rate cells.
        assertEquals(List.of("latency", "rate", "rate"), run.path("cells").findValuesAsText("mode").stream().sorted()
                .toList());
        assertEquals(2, run.path("cells").findValues("rawNs").size(), "both rate cells carry their raw percentiles");
        assertEquals(1, run.path("sustainableRates").size());
        assertEquals(2, run.at("/sustainableRates/0/rates").asInt());
    }

    @Test
    void theSchemaDescribesEachRecordFieldForField() throws IOException {
        JsonNode schema = JSON.readTree(RunSchema.FILE.toFile());

        assertEquals(components(RunResult.class), properties(schema));
        assertEquals(new TreeSet<>(DEFINITIONS.keySet()), names(schema.path("$defs")));
        for (Map.Entry<String, Class<?>> definition : DEFINITIONS.entrySet()) {
            JsonNode object = schema.path("$defs").path(definition.getKey());
            assertEquals(components(definition.getValue()), properties(object), definition.getKey());
            assertFalse(object.path("additionalProperties").asBoolean(true), definition.getKey() + " is closed");
        }
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
    }

    private static Set<String> components(Class<?> record) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    private static Set<String> properties(JsonNode object) {
        return names(object.path("properties"));
    }

    private static Set<String> names(JsonNode object) {
        return object.propertyStream().map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aFieldTheSchemaDoesNotDescribeIsRejected() throws IOException {
        JsonNode repetitions = JSON.readTree(SmallRun.folder().resolve(RunFolder.RUN_JSON).toFile()).path("repetitions");
        int latency = 0;
        while (!SmallRun.LATENCY_KEY.equals(repetitions.path(latency).path("key").asText())) {
            latency++;
        }
        for (String pointer : List.of("", "/cells/0", "/cells/0/cpuCost/client", "/cells/0/canary", "/repetitions/0",
                "/repetitions/" + latency + "/p50Ns", "/environment/box",
                "/environment/box/cpus/0", "/config", "/claims/0")) {
            ObjectNode run = (ObjectNode) JSON.readTree(SmallRun.folder().resolve(RunFolder.RUN_JSON).toFile());
            ((ObjectNode) run.at(pointer)).put("surprise", 1);

            List<String> problems = RunSchema.problems(JSON.writeValueAsString(run));

            // A field that may be null also reports the null it is not; one problem names the field.
            assertTrue(problems.stream().anyMatch(p -> p.contains("'surprise' is not defined")), pointer + ": " + problems);
        }
    }

    @Test
    void aWrongTypeOrAMissingFieldIsRejected() throws IOException {
        ObjectNode run = (ObjectNode) JSON.readTree(SmallRun.folder().resolve(RunFolder.RUN_JSON).toFile());
        ((ObjectNode) run.at("/cells/0")).put("size", "64");
        ((ObjectNode) run.at("/cells/1")).remove("status");
        ((ObjectNode) run.at("/cells/2/boxLoad")).put("stealPercent", "high");

        List<String> problems = RunSchema.problems(JSON.writeValueAsString(run));

        assertTrue(problems.stream().anyMatch(p -> p.startsWith("/cells/0/size: string found, integer expected")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("/cells/1") && p.contains("'status'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("/cells/2/boxLoad/stealPercent")), problems.toString());
    }
}
