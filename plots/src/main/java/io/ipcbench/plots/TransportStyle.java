package io.ipcbench.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The colour and marker of each transport, the same in every chart and every run, so a reader
 * learns them once. Colours are the Okabe-Ito set, told apart also by colour-blind readers; the
 * marker tells them apart in black and white.
 */
public record TransportStyle(Color colour, Marker marker) {
    private static final Map<String, TransportStyle> KNOWN = Map.ofEntries(
            Map.entry("pipe", new TransportStyle(new Color(0xE69F00), SeriesMarkers.CIRCLE)),
            Map.entry("fifo", new TransportStyle(new Color(0x56B4E9), SeriesMarkers.DIAMOND)),
            Map.entry("tcp", new TransportStyle(new Color(0xD55E00), SeriesMarkers.SQUARE)),
            Map.entry("udp", new TransportStyle(new Color(0xCC79A7), SeriesMarkers.TRIANGLE_UP)),
            Map.entry("unix-stream", new TransportStyle(new Color(0x0072B2), SeriesMarkers.TRIANGLE_DOWN)),
            Map.entry("unix-dgram", new TransportStyle(new Color(0x009E73), SeriesMarkers.CROSS)),
            Map.entry("unix-seqpacket", new TransportStyle(new Color(0x000000), SeriesMarkers.TRAPEZOID)),
            Map.entry("shm", new TransportStyle(new Color(0xF0E442), SeriesMarkers.OVAL)),
            // Ratios are metrics, not transports, and the canary is the box; they get colours of their own.
            Map.entry(RatioChart.P50, new TransportStyle(new Color(0x4477AA), SeriesMarkers.CIRCLE)),
            Map.entry(RatioChart.P99, new TransportStyle(new Color(0xAA3377), SeriesMarkers.SQUARE)),
            Map.entry(RatioChart.THROUGHPUT, new TransportStyle(new Color(0x228833), SeriesMarkers.DIAMOND)),
            Map.entry(CanaryChart.COLOUR, new TransportStyle(new Color(0x555555), SeriesMarkers.CIRCLE)),
            Map.entry(RateCharts.ACHIEVED, new TransportStyle(new Color(0x222222), SeriesMarkers.CROSS)));

    /** For names this class does not know (a transport added later): picked by the name, so still stable. */
    private static final List<Color> SPARE_COLOURS = List.of(new Color(0x882255), new Color(0x117733),
            new Color(0x332288), new Color(0x999933), new Color(0x44AA99), new Color(0x666666));
    private static final List<Marker> SPARE_MARKERS = List.of(SeriesMarkers.PLUS, SeriesMarkers.OVAL,
            SeriesMarkers.RECTANGLE, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.DIAMOND);

    /** Line styles by {@link SeriesSpec#lineStyle()}: solid, dashed, dotted, dash-dot. */
    private static final List<BasicStroke> LINES = List.of(
            new BasicStroke(2.0f),
            new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f),
            new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 5f}, 0f),
            new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {10f, 4f, 2f, 4f}, 0f));

    public static TransportStyle of(String key) {
        TransportStyle known = KNOWN.get(key);
        if (known != null) {
            return known;
        }
        int hash = Math.floorMod(key.hashCode(), SPARE_COLOURS.size() * SPARE_MARKERS.size());
        return new TransportStyle(SPARE_COLOURS.get(hash % SPARE_COLOURS.size()),
                SPARE_MARKERS.get(hash / SPARE_COLOURS.size()));
    }

    /** The stroke for a line style index; styles beyond the fourth repeat. */
    public static BasicStroke line(int lineStyle) {
        return LINES.get(Math.floorMod(lineStyle, LINES.size()));
    }

    /** The colour as CSS, for the report's legend-like table cells. */
    public String css() {
        return String.format(java.util.Locale.ROOT, "#%06x", colour.getRGB() & 0xFFFFFF);
    }
}
