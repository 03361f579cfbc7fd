package io.ipcbench.plots;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The little HTML the report needs: escaping text and writing relative links. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A link from the page's folder to a file, relative so the folder can be moved or copied as a whole. */
    static String href(Path pageFolder, Path target) {
        Path from = pageFolder.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        Path relative = from.relativize(to);
        List<String> segments = new ArrayList<>();
        for (Path segment : relative) {
            segments.add(URLEncoder.encode(segment.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return String.join("/", segments);
    }

    static String link(Path pageFolder, Path target, String text) {
        return "<a href=\"" + escape(href(pageFolder, target)) + "\">" + escape(text) + "</a>";
    }
}
