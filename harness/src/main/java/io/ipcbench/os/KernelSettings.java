package io.ipcbench.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kernel settings that bound or explain what a transport does, read from /proc and /sys.
 * A value that cannot be read is -1 (numbers) or null (text).
 */
public record KernelSettings(int rmemDefault, int rmemMax, int wmemDefault, int wmemMax, int unixMaxDgramQlen,
                             int loopbackMtu, String clockSource, String cpuGovernor) {
    /** Linux's usual default socket buffer, used when /proc cannot be read. */
    private static final int USUAL_SOCKET_BUFFER = 212_992;

    public static KernelSettings read() {
        return new KernelSettings(
                readInt("/proc/sys/net/core/rmem_default"),
                readInt("/proc/sys/net/core/rmem_max"),
                orDefault(readInt("/proc/sys/net/core/wmem_default")),
                readInt("/proc/sys/net/core/wmem_max"),
                readInt("/proc/sys/net/unix/max_dgram_qlen"),
                readInt("/sys/class/net/lo/mtu"),
                readText("/sys/devices/system/clocksource/clocksource0/current_clocksource"),
                readText("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"));
    }

    private static int orDefault(int value) {
        return value > 0 ? value : USUAL_SOCKET_BUFFER;
    }

    static int readInt(String path) {
        String text = readText(path);
        try {
            return text == null ? -1 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** First line of a small file, trimmed, or null if it cannot be read. */
    public static String readText(String path) {
        try {
            // Not Files.readString: /proc files report size 0, and a sized read may stop short.
            String text;
            try (InputStream in = Files.newInputStream(Path.of(path))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
