package io.ipcbench.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A run's cells as CSV (RFC 4180: a header row, CRLF line ends, quotes where a field needs them):
 * one row per cell and repetition, every figure of the cell in its own column. The columns are the
 * cell's fields as {@code run.json} nests them, named by their path ({@code latencyNs.p99},
 * {@code cpuCost.client.userNs}), so a field added to a cell becomes a column by itself. Lists
 * (a throughput cell's time series) are left out; an absent value is an empty field.
 */
public final class CellsCsv {
    /** The file name {@code run-bench.sh} gives it in a run folder. */
    public static final String FILE_NAME = "cells.csv";
    static final String KEY = "key";

    private CellsCsv() {
    }

    /** The header: the cell's key, then every field path. */
    public static List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add(KEY);
        addColumns(CellResult.class, "", columns);
        return columns;
    }

    private static void addColumns(Class<?> type, String prefix, List<String> columns) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> fieldType = component.getType();
            if (List.class.isAssignableFrom(fieldType)) {
                continue;
            }
            if (fieldType.isRecord()) {
                addColumns(fieldType, prefix + component.getName() + ".", columns);
            } else {
                columns.add(prefix + component.getName());
            }
        }
    }

    public static String render(RunResult run) {
        List<String> columns = columns();
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder()
                .setHeader(columns.toArray(String[]::new)).get())) {
            for (CellResult cell : run.cells()) {
                JsonNode tree = RunFolder.json().valueToTree(cell);
                List<String> row = new ArrayList<>();
                row.add(cell.key());
                for (String column : columns.subList(1, columns.size())) {
                    row.add(field(tree.at("/" + column.replace('.', '/'))));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A value as text: numbers in full without an exponent, absent values empty. */
    private static String field(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isFloatingPointNumber()) {
            return BigDecimal.valueOf(value.doubleValue()).toPlainString();
        }
        return value.asText();
    }
}
