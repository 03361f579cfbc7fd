package io.ipcbench.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading /proc/net/tcp and tcp6 as the kernel writes them on a little-endian machine (x86-64, arm64). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TimeWaitSocketsTest {
    private static final String HEADING = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
            + "timeout inode";
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40123);

    private static String line(String local, String remote, String state) {
        return "   0: " + local + " " + remote + " " + state + " 00000000:00000000 03:00001770 00000000     0        0 0";
    }

    @Test
    void readsAnIpv4AndAnIpv6AddressAsTheKernelPrintsThem() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the tables below are a little-endian kernel's");
        assertEquals(PEER, TimeWaitSockets.address("0100007F:9CBB"));
        assertEquals(new InetSocketAddress("198.51.100.1", 80), TimeWaitSockets.address("016433C6:0050"));
        assertEquals(new InetSocketAddress("::1", 22), TimeWaitSockets.address("00000000000000000000000001000000:0016"));
        assertEquals(PEER, TimeWaitSockets.address("0000000000000000FFFF00000100007F:9CBB"),
                "an IPv4 address mapped into IPv6 is the IPv4 address");
    }

    @Test
    void countsOnlyTimeWaitSocketsToTheSameAddressAndPort() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the tables below are a little-endian kernel's");
        List<String> table = List.of(HEADING,
                line("0100007F:A000", "0100007F:9CBB", "06"),   // to the peer, in TIME_WAIT
                line("0100007F:A001", "0100007F:9CBB", "06"),   // another
                line("0100007F:A002", "0100007F:9CBB", "01"),   // to the peer, still established
                line("0100007F:A003", "016433C6:9CBB", "06"),   // the same port on another address
                line("0100007F:A004", "0100007F:9CBC", "06"),   // another port on the same address
                line("0100007F:9CBB", "0100007F:A005", "06"));  // the peer's own side of a connection

        assertEquals(2, TimeWaitSockets.count(table, PEER, false), "the dialling side's, by the other end");
        assertEquals(1, TimeWaitSockets.count(table, PEER, true), "the peer's side, by its own end");
        assertEquals(0, TimeWaitSockets.count(List.of(HEADING), PEER, false), "an empty table");
    }
}
