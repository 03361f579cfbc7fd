package io.ipcbench.transport;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The variants a transport kind declares: what they vary (shm's {@code idle} strategy), the
 * choices, and the one a run measures when it chooses none. Most kinds have none ({@link #NONE}).
 * The plan measures every chosen variant as cells of their own; the command line takes them as
 * {@code --<kind>-<dimension>} (e.g. {@code --shm-idle spin,yield}).
 *
 * @param dimension    what the variants vary, one word, e.g. {@code idle}; null for {@link #NONE}
 * @param choices      every variant, in the order they are listed
 * @param defaultLabel the variant measured when a run chooses none; null for {@link #NONE}
 */
public record Variants(String dimension, List<Variant> choices, String defaultLabel) {
    /** A kind that runs one way only. */
    public static final Variants NONE = new Variants(null, List.of(), null);

    public Variants {
        choices = List.copyOf(choices);
        if (!choices.isEmpty() && choices.stream().noneMatch(v -> v.label().equals(defaultLabel))) {
            throw new IllegalArgumentException("the default variant '" + defaultLabel + "' is not among the choices");
        }
    }

    public boolean none() {
        return choices.isEmpty();
    }

    public Optional<Variant> find(String label) {
        return choices.stream().filter(v -> v.label().equals(label)).findFirst();
    }

    /** The labels, in order. */
    public List<String> labels() {
        return choices.stream().map(Variant::label).toList();
    }

    /** "spin, yield, backoff". */
    public String describeLabels() {
        return choices.stream().map(Variant::label).collect(Collectors.joining(", "));
    }
}
