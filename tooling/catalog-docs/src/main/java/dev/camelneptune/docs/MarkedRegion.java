package dev.camelneptune.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The part of a text file between {@code // <marker>: START} and {@code // <marker>: END} lines, the way Camel's
 * generator marks the regions it maintains in a component page.
 */
public final class MarkedRegion {

    private MarkedRegion() {
    }

    /** The text between the markers, without leading or trailing blank lines. */
    public static String read(Path file, String marker) {
        String text = load(file);
        int[] bounds = bounds(file, text, marker);
        return text.substring(bounds[0], bounds[1]).strip();
    }

    /** Puts {@code content} between the markers; returns whether the file changed. */
    public static boolean replace(Path file, String marker, String content) {
        String text = load(file);
        int[] bounds = bounds(file, text, marker);
        String updated = text.substring(0, bounds[0]) + "\n" + content.strip() + "\n" + text.substring(bounds[1]);
        if (updated.equals(text)) {
            return false;
        }
        try {
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** Where the region starts (just after the START line) and ends (at the END line). */
    private static int[] bounds(Path file, String text, String marker) {
        String start = "// " + marker + ": START";
        String end = "// " + marker + ": END";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(file + " has no region marked with '" + start + "' and '" + end + "'");
        }
        return new int[] { from + start.length(), to };
    }

    private static String load(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
