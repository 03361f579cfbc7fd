package io.ipcbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The modes of a handful of repetitions' values: groups separated by a gap. On a small VM a fresh
 * process lands in one of a few wake-up modes (say near 20, 28 or 33 µs) and stays there, so the
 * repetitions of one cell can fall into separate groups; their mean would describe none of them.
 *
 * <p>A gap is a step between neighbouring sorted values of more than {@link #GAP} (12%) of the
 * lower value. Within one mode, repetitions of a pinned cell here differ by a few percent; modes
 * differ by 15% or more. A split needs at least 3 values, and a mode that holds at least 2 of them:
 * values that are all apart from one another are scatter, not modes.
 */
public final class Modes {
    /** Neighbouring values further apart than this fraction belong to different modes. */
    public static final double GAP = 0.12;

    private Modes() {
    }

    /**
     * One mode: the values between {@code low} and {@code high}.
     *
     * @param center the median of its values
     * @param count  how many values it holds
     */
    public record Mode(double center, int count, double low, double high) {
    }

    /** The modes of {@code values}, largest first (ties: lower center first); one mode when there is no gap. */
    public static List<Mode> of(double[] values) {
        if (values.length == 0) {
            return List.of();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        List<Mode> modes = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            boolean split = i == sorted.length
                    || (sorted.length >= 3 && sorted[i] > sorted[i - 1] * (1 + GAP));
            if (split) {
                double[] group = Arrays.copyOfRange(sorted, start, i);
                modes.add(new Mode(Medians.median(group), group.length, group[0], group[group.length - 1]));
                start = i;
            }
        }
        if (modes.stream().allMatch(m -> m.count() == 1) && modes.size() > 1) {
            double[] all = sorted;
            return List.of(new Mode(Medians.median(all), all.length, all[0], all[all.length - 1]));
        }
        modes.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count())
                : Double.compare(a.center(), b.center()));
        return List.copyOf(modes);
    }

    /**
     * "bimodal: 4 of 6 repetitions near 33.0 µs, 2 near 28.0 µs", or null with one mode.
     *
     * @param format how a value is written, e.g. as microseconds
     */
    public static String describe(List<Mode> modes, DoubleFunction<String> format) {
        if (modes.size() < 2) {
            return null;
        }
        int total = modes.stream().mapToInt(Mode::count).sum();
        String kind = modes.size() == 2 ? "bimodal" : modes.size() + " modes";
        StringBuilder text = new StringBuilder(kind).append(": ");
        for (int i = 0; i < modes.size(); i++) {
            Mode mode = modes.get(i);
            text.append(i == 0 ? String.format(Locale.ROOT, "%d of %d repetitions near ", mode.count(), total)
                    : ", " + mode.count() + " near ").append(format.apply(mode.center()));
        }
        return text.toString();
    }
}
