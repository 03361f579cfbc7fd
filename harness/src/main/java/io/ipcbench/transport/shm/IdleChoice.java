package io.ipcbench.transport.shm;

import java.util.Arrays;

import io.ipcbench.transport.Variant;
import io.ipcbench.transport.Variants;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * How a side waits for its ring: Agrona's idle strategies, the variants of the shm transport. A
 * ring makes no system call, so waiting is the only cost it has that a socket does not hide, and
 * what it costs is what sets the round trip: a spinning waiter sees a message at once and burns a
 * CPU, a parked one saves the CPU and wakes late. Each is named as Agrona names it.
 */
public enum IdleChoice {
    SPIN(BusySpinIdleStrategy.ALIAS, "Agrona's BusySpinIdleStrategy: looks at the ring without pause "
            + "(Thread.onSpinWait), a whole CPU per side",
            "a spinning side keeps the one CPU its peer needs until the scheduler preempts it, milliseconds later, "
                    + "so the cell would measure the scheduler's time slice"),
    YIELD(YieldingIdleStrategy.ALIAS, "Agrona's YieldingIdleStrategy: Thread.yield() between looks at the ring", null),
    BACKOFF(BackoffIdleStrategy.ALIAS, "Agrona's BackoffIdleStrategy with its defaults: "
            + BackoffIdleStrategy.DEFAULT_MAX_SPINS + " spins, " + BackoffIdleStrategy.DEFAULT_MAX_YIELDS
            + " yields, then parks from "
            + BackoffIdleStrategy.DEFAULT_MIN_PARK_PERIOD_NS / 1_000 + " µs, doubling up to "
            + BackoffIdleStrategy.DEFAULT_MAX_PARK_PERIOD_NS / 1_000_000 + " ms", null);

    /** The variants {@link io.ipcbench.transport.TransportKind#SHM} declares: backoff unless a run chooses. */
    public static final Variants VARIANTS = new Variants("idle",
            Arrays.stream(values()).map(choice -> choice.variant).toList(), BACKOFF.label());

    private final Variant variant;

    IdleChoice(String label, String description, String whyNotOnOneCpu) {
        this.variant = new Variant(label, description, whyNotOnOneCpu);
    }

    public String label() {
        return variant.label();
    }

    /** A fresh strategy for one side: each keeps its own backoff state. */
    IdleStrategy newStrategy() {
        return switch (this) {
            case SPIN -> new BusySpinIdleStrategy();
            case YIELD -> new YieldingIdleStrategy();
            case BACKOFF -> new BackoffIdleStrategy();
        };
    }

    /** The choice of this label, or the default for null (a run that chose none). */
    static IdleChoice of(String label) {
        String wanted = label != null ? label : VARIANTS.defaultLabel();
        return Arrays.stream(values()).filter(c -> c.label().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown idle strategy '" + wanted + "' (known: "
                        + VARIANTS.describeLabels() + ")"));
    }
}
