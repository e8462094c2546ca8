package dev.camelneptune.stream.devconsole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.camelneptune.stream.NeptuneStreamConfiguration;
import dev.camelneptune.stream.NeptuneStreamConsumer;
import dev.camelneptune.stream.metrics.NeptuneStreamMetrics;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code neptune-stream} dev console: for each route consuming a Neptune stream, where it is (position), how far
 * behind (ms, and commits when the meters run), how many records it processed, its last error and its delivery mode.
 */
@DevConsole(name = "neptune-stream", displayName = "Neptune Stream",
            description = "Neptune stream consumers: position, lag, last error and delivery mode")
public class NeptuneStreamDevConsole extends AbstractDevConsole {

    public NeptuneStreamDevConsole() {
        super("camel", "neptune-stream", "Neptune Stream",
              "Neptune stream consumers: position, lag, last error and delivery mode");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> consumer : consumers()) {
            consumer.forEach((key, value) -> {
                if (key.endsWith("Timestamp")) {
                    // as a time, not ms since the epoch: "Last Error At: 2026-11-23T11:27:47.290Z"
                    sb.append(String.format("%n    %s At: %s", label(key.substring(0, key.length() - 9)),
                            Instant.ofEpochMilli((Long) value)));
                } else {
                    sb.append(String.format("%n    %s: %s", label(key), value));
                }
            });
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> list = new ArrayList<>();
        for (Map<String, Object> consumer : consumers()) {
            list.add(new JsonObject(consumer));
        }
        root.put("neptuneStreamConsumers", list);
        return root;
    }

    private List<Map<String, Object>> consumers() {
        List<Map<String, Object>> answer = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof NeptuneStreamConsumer consumer) {
                NeptuneStreamConfiguration configuration = consumer.getEndpoint().getConfiguration();
                JsonObject jo = new JsonObject();
                jo.put("routeId", route.getRouteId());
                jo.put("uri", route.getEndpoint().getEndpointUri());
                jo.put("streamType", configuration.getStreamType().name());
                jo.put("deliveryMode", deliveryMode(consumer));
                jo.put("state", consumer.getStatus().name());
                jo.put("position", consumer.getPosition());
                jo.put("offsetKey", consumer.getOffsetKey());
                jo.put("lagMillis", consumer.getLagMillis());
                jo.put("recordsProcessed", consumer.getRecordsProcessed());
                NeptuneStreamMetrics metrics = consumer.getMetrics();
                if (metrics != null) {
                    if (metrics.hasMeters()) {
                        jo.put("commitsBehind", metrics.getCommitsBehind());
                        jo.put("newestCommitNum", metrics.getNewestCommitNum());
                    }
                    if (metrics.getLastError() != null) {
                        jo.put("lastError", metrics.getLastError());
                        jo.put("lastErrorTimestamp", metrics.getLastErrorTimestamp());
                    }
                }
                answer.add(jo);
            }
        }
        return answer;
    }

    /** How records reach the route, in the words of the component page. */
    static String deliveryMode(NeptuneStreamConsumer<?> consumer) {
        String mode = consumer.delivery().description();
        return consumer.configuration().isPrefetch() ? mode + ", with prefetch" : mode;
    }

    /** {@code lagMillis} as {@code Lag Millis}. */
    private static String label(String key) {
        if ("uri".equals(key)) {
            return "URI";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append(' ');
            }
            sb.append(sb.isEmpty() ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }
}
