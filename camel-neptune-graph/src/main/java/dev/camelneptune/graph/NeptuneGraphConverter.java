package dev.camelneptune.graph;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.camel.Converter;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.neptunegraph.model.ExportTaskSummary;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskSummary;
import software.amazon.awssdk.services.neptunegraph.model.NeptuneGraphResponse;

/**
 * Converts what the neptune-graph producer puts in the body (any NeptuneGraph response, a task summary, the task list
 * of {@code allPages=true}) to the service's wire JSON: as a {@code String} (also {@code byte[]} and
 * {@code InputStream}, for the file component and other byte sinks), and as a {@code Map} for the simple language and
 * {@code marshal().json()}. Member names are the wire's (the SDK model's location names); members that are not set are
 * left out, as the service leaves them out; timestamps are epoch seconds, as the service's REST JSON has them.
 */
@Converter(generateLoader = true)
public final class NeptuneGraphConverter {

    private static final JsonFactory JSON = new JsonFactory();

    private NeptuneGraphConverter() {
    }

    @Converter
    public static String toJson(NeptuneGraphResponse response) {
        return json(wire(response));
    }

    @Converter
    public static String toJson(ImportTaskSummary task) {
        return json(wire(task));
    }

    @Converter
    public static String toJson(ExportTaskSummary task) {
        return json(wire(task));
    }

    /** The tasks of {@code allPages=true} as a JSON array of their summaries. */
    @Converter
    public static String toJson(NeptuneGraphTaskList<?> tasks) {
        return json(wire(tasks));
    }

    @Converter
    public static Map<String, Object> toMap(NeptuneGraphResponse response) {
        return wire((SdkPojo) response);
    }

    @Converter
    public static Map<String, Object> toMap(ImportTaskSummary task) {
        return wire(task);
    }

    @Converter
    public static Map<String, Object> toMap(ExportTaskSummary task) {
        return wire(task);
    }

    @Converter
    public static byte[] toBytes(NeptuneGraphResponse response) {
        return toJson(response).getBytes(StandardCharsets.UTF_8);
    }

    @Converter
    public static byte[] toBytes(NeptuneGraphTaskList<?> tasks) {
        return toJson(tasks).getBytes(StandardCharsets.UTF_8);
    }

    @Converter
    public static InputStream toInputStream(NeptuneGraphResponse response) {
        return new ByteArrayInputStream(toBytes(response));
    }

    @Converter
    public static InputStream toInputStream(NeptuneGraphTaskList<?> tasks) {
        return new ByteArrayInputStream(toBytes(tasks));
    }

    /** An SDK object as the wire has it: its payload members by their wire names, the unset ones left out. */
    static Map<String, Object> wire(SdkPojo pojo) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            Object value = field.getValueOrDefault(pojo);
            if (value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap)) {
                members.put(field.locationName(), wireValue(value));
            }
        }
        return members;
    }

    private static List<Object> wire(Collection<?> values) {
        List<Object> list = new ArrayList<>(values.size());
        for (Object value : values) {
            list.add(wireValue(value));
        }
        return list;
    }

    private static Object wireValue(Object value) {
        if (value instanceof SdkPojo pojo) {
            return wire(pojo);
        } else if (value instanceof Collection<?> values) {
            return wire(values);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, member) -> copy.put(String.valueOf(key), wireValue(member)));
            return copy;
        } else if (value instanceof Instant instant) {
            return epochSeconds(instant);
        } else if (value instanceof SdkBytes bytes) {
            return Base64.getEncoder().encodeToString(bytes.asByteArray());
        }
        return value;
    }

    /** Whole seconds as a long, as the service sends them; a fraction as a decimal. */
    private static Number epochSeconds(Instant instant) {
        if (instant.getNano() == 0) {
            return instant.getEpochSecond();
        }
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros();
    }

    private static String json(Object tree) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            write(json, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                json.writeFieldName(String.valueOf(member.getKey()));
                write(json, member.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> values) {
            json.writeStartArray();
            for (Object element : values) {
                write(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Number number) {
            json.writeNumber(number.toString());
        } else {
            json.writeString(value.toString());
        }
    }
}
