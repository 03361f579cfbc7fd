package io.ipcbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * {@code docs/run.schema.json}, the JSON Schema (draft 2020-12) of run.json, loaded with networknt's
 * validator. Its objects are closed, so a field the harness writes that the schema does not
 * describe is a problem.
 */
public final class RunSchema {
    /** The schema file, from the module's folder (where the tests run) or the repository's. */
    public static final Path FILE = Files.exists(Path.of("docs", "run.schema.json")) ? Path.of("docs", "run.schema.json")
            : Path.of("..", "docs", "run.schema.json");
    private static final Schema SCHEMA = load();

    private RunSchema() {
    }

    private static Schema load() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(FILE), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with a run.json, one line per problem; empty when it is valid. */
    public static List<String> problems(String runJson) {
        return SCHEMA.validate(runJson, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    public static List<String> problems(Path runJson) throws IOException {
        return problems(Files.readString(runJson));
    }
}
