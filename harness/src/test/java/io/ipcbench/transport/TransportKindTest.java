package io.ipcbench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import io.ipcbench.cli.CommandRun;
import io.ipcbench.config.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind carries every fact, and everything that lists transports lists them from the kinds. */
@Timeout(30)
class TransportKindTest {
    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void everyKindHasEveryFact(TransportKind kind) {
        assertTrue(kind.label().matches("[a-z][a-z0-9-]*"), kind.label());
        assertNotNull(kind.framing());
        assertNotNull(kind.addressing());
        assertNotNull(kind.delivery());
        assertNotNull(kind.messageLimit());
        assertFalse(kind.engines().isEmpty(), kind + " is implemented by some engine");
        assertTrue(kind.maxMessageSize() > RunConfig.MIN_SIZE, kind.toString());
        if (kind.messageLimit() == TransportKind.MessageLimit.NONE) {
            assertEquals(Integer.MAX_VALUE, kind.maxMessageSize());
            assertNull(kind.maxSizeReason());
        } else {
            assertTrue(kind.maxSizeReason().contains(Integer.toString(kind.maxMessageSize()))
                    || kind.maxSizeReason().contains("65507"), kind.maxSizeReason());
        }
        if (kind.addressing() == TransportKind.Addressing.ONE_CHANNEL) {
            for (Engine engine : Engine.values()) {
                assertTrue(kind.whyNotManyConnections(engine).startsWith("not supported: "), kind + " " + engine);
            }
        }
        assertTrue(kind.describe().contains("engines"), kind.describe());
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void eachEngineItListsImplementsIt(TransportKind kind) {
        for (Engine engine : kind.engines()) {
            assertEquals(kind, Transports.of(kind, engine).kind(), kind + " on " + engine);
            assertNull(kind.whyNotOn(engine));
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void anEngineThatDoesNotImplementItSaysWhyAndHasNoTransportOfIt(TransportKind kind) {
        for (Engine engine : Engine.values()) {
            if (!kind.engines().contains(engine)) {
                String why = kind.whyNotOn(engine);
                String expected = "the " + engine.label() + " engine does not implement " + kind.label() + ": ";
                assertTrue(why.startsWith(expected), why);
                UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                        () -> Transports.of(kind, engine));
                assertEquals(why, refused.getMessage());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void variantsAreNamedLikeTransportsAndTheDefaultIsOne(TransportKind kind) {
        Variants variants = kind.variants();
        if (variants.none()) {
            assertNull(variants.defaultLabel());
            return;
        }
        assertTrue(variants.dimension().matches("[a-z]+"), variants.dimension());
        assertTrue(variants.labels().contains(variants.defaultLabel()), variants.defaultLabel());
        assertEquals(variants.choices().size(), new HashSet<>(variants.labels()).size(), "labels are unique");
        for (Variant variant : variants.choices()) {
            assertTrue(variant.label().matches("[a-z][a-z0-9]*"), variant.label());
            assertFalse(variant.description().isBlank(), variant.label());
        }
        assertTrue(kind.describe().contains(variants.dimension() + " " + variants.describeLabels()), kind.describe());
        assertTrue(CommandRun.of("run", "--help").out().contains("--" + kind.label() + "-" + variants.dimension()),
                "run takes the variants of " + kind);
    }

    @Test
    void labelsAreUniqueAndTheDefaultListIsEveryKind() {
        assertEquals(TransportKind.values().length, new HashSet<>(TransportKind.labelList()).size());
        assertEquals(TransportKind.labelList(), RunConfig.DEFAULT_TRANSPORTS);
        for (TransportKind kind : TransportKind.values()) {
            assertEquals(kind, TransportKind.fromLabel(kind.label()));
        }
        assertTrue(TransportKind.find("carrier-pigeon").isEmpty());
    }

    @Test
    void theCommandLineListsTheKinds() {
        CommandRun names = CommandRun.of("transports", "--names");
        assertEquals(String.join(",", TransportKind.labelList()), names.out().strip());
        CommandRun table = CommandRun.of("transports");
        List<String> lines = table.out().strip().lines().toList();
        assertEquals(TransportKind.values().length, lines.size());
        assertTrue(CommandRun.of("run", "--help").out().contains("Transports: " + TransportKind.labels()),
                "the run help's footer names every transport");
    }
}
