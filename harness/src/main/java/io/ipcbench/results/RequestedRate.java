package io.ipcbench.results;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ipcbench.config.Percent;

/**
 * The rate a rate cell is asked to offer: round trips per second over all its connections together,
 * or a percentage of the closed-loop maximum, the round trips per second of the latency cell of the
 * same transport, engine, size and connections measured earlier in the same repetition. Written as
 * the command line takes it and {@code run.json} keeps it: {@code 50000}, {@code 50k}, {@code 25%}.
 *
 * @param perSecond round trips per second; 0 for a percentage
 * @param percent   percent of the closed-loop maximum; 0 for a rate per second
 */
public record RequestedRate(long perSecond, double percent) {
    /** A cell needs at least one message a second; more than this is no longer a schedule a loop can keep. */
    static final long MAX_PER_SECOND = 100_000_000;
    static final double MAX_PERCENT = 1_000;
    private static final Pattern PER_SECOND = Pattern.compile("(\\d+)\\s*([km])?(?:/s)?");

    public RequestedRate {
        if ((perSecond > 0) == (percent > 0) || perSecond < 0 || percent < 0) {
            throw new IllegalArgumentException("a rate is round trips per second or a percentage, one of the two");
        }
        if (perSecond > MAX_PER_SECOND || percent > MAX_PERCENT) {
            throw new IllegalArgumentException("a rate of " + (perSecond > 0 ? perSecond + " round trips/s"
                    : percent + "%") + " is beyond what a cell can offer (at most " + MAX_PER_SECOND + "/s or "
                    + (int) MAX_PERCENT + "%)");
        }
    }

    /**
     * {@code 50000}, {@code 50k}, {@code 2m} (decimal), or {@code 25%}, {@code 12.5%}.
     *
     * @throws IllegalArgumentException with a line that says what a rate looks like
     */
    @JsonCreator
    public static RequestedRate parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        double percent = Percent.parse(trimmed);
        if (percent > 0) {
            return new RequestedRate(0, percent);
        }
        Matcher perSecond = PER_SECOND.matcher(trimmed);
        if (perSecond.matches() && perSecond.group(1).length() <= 12) {
            long value = Long.parseLong(perSecond.group(1));
            String unit = perSecond.group(2);
            value *= unit == null ? 1 : unit.equals("k") ? 1_000 : 1_000_000;
            if (value > 0) {
                return new RequestedRate(value, 0);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a rate: give round trips per second (50000, 50k) "
                + "or a percentage of the closed-loop maximum (25%)");
    }

    /** Whether this is a percentage of the closed-loop maximum. */
    public boolean relative() {
        return percent > 0;
    }

    /** The rate as the command line and run.json write it: {@code 50000} or {@code 25%}. */
    @JsonValue
    public String text() {
        return relative() ? plain(percent) + "%" : Long.toString(perSecond);
    }

    /** For people: "50,000/s", "25% of closed loop". */
    public String label() {
        return relative() ? plain(percent) + "% of closed loop" : String.format(Locale.ROOT, "%,d/s", perSecond);
    }

    /** For keys and file names, where % and / do not belong: {@code 50000ps}, {@code 25pct}. */
    public String token() {
        return relative() ? plain(percent) + "pct" : perSecond + "ps";
    }

    /** Round trips per second this asks for, given the closed-loop maximum (read only for a percentage). */
    public double perSecondOf(double closedLoopPerSec) {
        return relative() ? closedLoopPerSec * percent / 100 : perSecond;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
