package dev.camelneptune.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.camel.Component;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Checks the numeric URI options of an endpoint before Camel binds them. Camel reads an integer option's text as a
 * number or as a time ({@code delay=5s} is 5000, {@code PT5S} too for a duration option), and anything else as 0
 * without a word ({@code limit=abc} becomes {@code limit=0}); a number too large for an {@code int} wraps around. Such
 * a value fails here instead, with a message naming the option and the value given. Which options are numbers, and
 * which are durations, comes from the component's generated catalog JSON.
 */
public final class NumberOptions {

    /** A numeric option's kind, as the catalog types it. */
    enum Kind {
        INT,
        LONG,
        DURATION
    }

    private static final Map<Class<?>, Map<String, Kind>> OPTIONS = new ConcurrentHashMap<>();
    /** Camel's time syntax besides plain digits: 1d2h3m4s5ms, each part optional, in that order. */
    private static final Pattern TIME = Pattern.compile("(?=\\d)(\\d+d)?(\\d+h)?(\\d+m(?!s))?(\\d+s)?(\\d+ms)?");
    private static final Pattern DIGITS = Pattern.compile("-?\\d+");

    private NumberOptions() {
    }

    /**
     * Fails on the first numeric option in {@code parameters} (the endpoint's URI options, before binding) whose text
     * is not a number Camel reads as meant.
     */
    public static void check(Component component, String scheme, Map<String, Object> parameters) {
        Map<String, Kind> numeric = OPTIONS.computeIfAbsent(component.getClass(), c -> numericOptions(c, scheme));
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            Kind kind = numeric.get(parameter.getKey().toLowerCase(Locale.ROOT));
            if (kind != null && parameter.getValue() instanceof String text && !text.startsWith("#")) {
                check(parameter.getKey(), text, kind);
            }
        }
    }

    /** Fails unless {@code text} is a whole number, or a time Camel reads for this kind of option, that fits it. */
    static void check(String option, String text, Kind kind) {
        Long value = parse(text, kind);
        if (value == null) {
            throw new IllegalArgumentException(
                    option + " must be a number" + (kind == Kind.DURATION
                            ? " of milliseconds or a duration such as 30s or PT30S" : "") + ", not '" + text + "'");
        }
        if (kind == Kind.INT && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(
                    option + " must be a number between " + Integer.MIN_VALUE + " and "
                                               + Integer.MAX_VALUE + ", not '" + text + "'");
        }
    }

    /** The number Camel reads {@code text} as, or null when it would read something not meant. */
    private static Long parse(String text, Kind kind) {
        try {
            if (DIGITS.matcher(text).matches()) {
                return Long.parseLong(text);
            }
            if (kind == Kind.DURATION && text.matches("-?[Pp].*")) {
                return Duration.parse(text).toMillis();
            }
            if (TIME.matcher(text).matches()) {
                return TimeUtils.toMilliSeconds(text);
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            // too large for a long, or not a duration
        }
        return null;
    }

    /** The endpoint options the catalog types as integers or durations, by lower-case name. */
    private static Map<String, Kind> numericOptions(Class<?> componentClass, String scheme) {
        String resource = "/META-INF/" + componentClass.getPackageName().replace('.', '/') + "/" + scheme + ".json";
        try (InputStream in = componentClass.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The catalog of " + scheme + " is not on the classpath: " + resource);
            }
            JsonObject catalog = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Kind> numeric = new HashMap<>();
            ((JsonObject) catalog.get("properties")).forEach((name, value) -> {
                JsonObject option = (JsonObject) value;
                String javaType = option.getString("javaType");
                Kind kind = "duration".equals(option.getString("type")) ? Kind.DURATION
                        : !"integer".equals(option.getString("type")) ? null
                        : javaType.equals("int") || javaType.equals("java.lang.Integer") ? Kind.INT : Kind.LONG;
                if (kind != null) {
                    numeric.put(name.toLowerCase(Locale.ROOT), kind);
                }
            });
            return numeric;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the catalog of " + scheme + ": " + e.getMessage(), e);
        }
    }
}
