package io.ipcbench.transport;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * A random value made for each peer session, which the peer repeats in its hello to prove that it
 * is the peer this side started and not another process that connected first. The peer is handed
 * it in its environment ({@link #ENVIRONMENT_VARIABLE}): {@code /proc/PID/environ} is readable by
 * the process's own user only, while its command line, {@code /proc/PID/cmdline}, is readable by
 * every user. Not on its standard input either: the pipe transport's channel is the peer's
 * standard input.
 *
 * <p>{@link #toString()} never shows it.
 */
public final class Secret {
    /** The environment variable that hands the secret to the peer process. */
    public static final String ENVIRONMENT_VARIABLE = "IPCBENCH_PEER_SECRET";
    /** 128 bits: too many to guess in the seconds a peer takes to connect. */
    public static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private Secret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A fresh secret. */
    public static Secret random() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return new Secret(bytes);
    }

    /** The secret a parent put in {@code environment}; an IllegalArgumentException if it is missing or malformed. */
    public static Secret fromEnvironment(Map<String, String> environment) {
        String hex = environment.get(ENVIRONMENT_VARIABLE);
        if (hex == null) {
            throw new IllegalArgumentException("no " + ENVIRONMENT_VARIABLE + " in the environment: a peer is started "
                    + "by ipcbench, which hands it its session's secret there");
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " holds " + bytes.length + " bytes, not "
                    + LENGTH);
        }
        return new Secret(bytes);
    }

    /** The value of {@link #ENVIRONMENT_VARIABLE} for a peer. */
    public String toEnvironment() {
        return HexFormat.of().formatHex(bytes);
    }

    /** Writes the secret into {@code buffer} at {@code offset}. */
    void writeTo(ByteBuffer buffer, int offset) {
        buffer.put(offset, bytes);
    }

    /** Whether {@code buffer} holds the secret at {@code offset}; takes as long whatever the bytes. */
    boolean isIn(ByteBuffer buffer, int offset) {
        int difference = 0;
        for (int i = 0; i < LENGTH; i++) {
            difference |= buffer.get(offset + i) ^ bytes[i];
        }
        return difference == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && Arrays.equals(bytes, secret.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Secret[not shown]";
    }
}
