package io.ipcbench.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.Variants;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options that choose the variants of transports, made from the kinds: one per kind that
 * declares variants, {@code --<kind>-<dimension>} (e.g. {@code --shm-idle spin,yield,backoff}), so
 * that a kind's variants reach the command line without a line written for them here.
 */
public final class VariantOptions implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
        for (TransportKind kind : TransportKind.values()) {
            Variants variants = kind.variants();
            if (!variants.none()) {
                spec.addOption(OptionSpec.builder(optionName(kind))
                        .paramLabel(variants.dimension().toUpperCase(Locale.ROOT))
                        .type(List.class).auxiliaryTypes(String.class).splitRegex(",")
                        .description(describe(kind, variants))
                        .build());
            }
        }
        return spec;
    }

    /** {@code --shm-idle}. */
    static String optionName(TransportKind kind) {
        return "--" + kind.label() + "-" + kind.variants().dimension();
    }

    private static String describe(TransportKind kind, Variants variants) {
        return kind.label() + ": the " + variants.dimension() + " variants to measure, side by side, each its own "
                + "cells (" + kind.label() + "-<" + variants.dimension() + ">): " + variants.choices().stream()
                .map(v -> v.label() + " (" + v.description() + ")").collect(Collectors.joining("; "))
                + ". Default: " + variants.defaultLabel() + ".";
    }

    /** The variants the command line chose, by transport; a transport not named is left to its default. */
    static Map<String, List<String>> chosen(CommandSpec spec) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        for (TransportKind kind : TransportKind.values()) {
            if (!kind.variants().none()) {
                List<String> given = spec.findOption(optionName(kind)).getValue();
                if (given != null) {
                    chosen.put(kind.label(), given.stream().map(String::trim).distinct().toList());
                }
            }
        }
        return chosen;
    }
}
