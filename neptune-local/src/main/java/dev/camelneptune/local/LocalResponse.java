package dev.camelneptune.local;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer.
 *
 * @param status  the HTTP status
 * @param headers response headers (Content-Type included)
 * @param body    the body bytes, already encoded (e.g. gzip) if the API chose to
 */
public record LocalResponse(int status, Map<String, String> headers, byte[] body) {

    public static LocalResponse json(int status, byte[] json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return new LocalResponse(status, headers, json);
    }

    public static LocalResponse json(int status, String json) {
        return json(status, json.getBytes(StandardCharsets.UTF_8));
    }

    public LocalResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new LocalResponse(status, copy, body);
    }
}
