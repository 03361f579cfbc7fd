package io.ipcbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.ipcbench.transport.TransportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.annotations.Param;

/** An annotation cannot ask the transport kinds for their names, so this test holds the two together. */
@Timeout(10)
class TransportParamTest {
    @Test
    void theTransportParameterListsEveryKindInOrder() throws NoSuchFieldException {
        Param param = EchoPeerState.class.getField("transport").getAnnotation(Param.class);
        assertEquals(TransportKind.labelList(), List.of(param.value()),
                "EchoPeerState.transport's @Param must list every TransportKind, in the kinds' order");
    }
}
