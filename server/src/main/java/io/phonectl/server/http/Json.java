package io.phonectl.server.http;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The API's JSON: request bodies bind to records with unknown members refused, nulls for primitives refused and
 * trailing content refused; instants are written as ISO-8601 strings. Binding errors become
 * {@link ApiException.Invalid} naming the member's path, what was there and what was expected.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("phonectl-instants").addSerializer(Instant.class, new InstantSerializer()))
            .build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** Writes into a stream (a reply's pooled buffer): no array grown and copied for the whole document. */
    public static void write(Object value, OutputStream out) {
        MAPPER.writeValue(out, value);
    }

    /** Binds a body to {@code type}; every failure is a 400 problem naming the member. */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new ApiException.Invalid("body", "", "a JSON object (" + type.getSimpleName() + ")");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw new ApiException.Invalid(path(e), e.getPropertyName(), "not a member of " + type.getSimpleName()
                    + " (members: " + known + ")");
        } catch (MismatchedInputException e) {
            String target = e.getTargetType() == null ? "a value of another type" : describe(e.getTargetType());
            throw new ApiException.Invalid(path(e), valueAt(e), "expected " + target);
        } catch (JacksonException e) {
            // malformed JSON, or a constructor check of a request record that failed
            Throwable cause = e.getCause();
            if (cause instanceof ApiException api) {
                throw api;
            }
            throw new ApiException.Invalid(path(e), "", "well-formed JSON: " + e.getOriginalMessage());
        }
    }

    /** A tree, for bodies whose shape depends on a member (rare: prefer records). */
    public static JsonNode tree(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException.Invalid("body", "", "well-formed JSON: " + e.getOriginalMessage());
        }
    }

    private static String path(JacksonException e) {
        List<JacksonException.Reference> refs = e.getPath();
        if (refs == null || refs.isEmpty()) {
            return "body";
        }
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String valueAt(MismatchedInputException e) {
        String m = e.getOriginalMessage();
        int q = m == null ? -1 : m.indexOf("from String \"");
        if (q >= 0) {
            int end = m.indexOf('"', q + 13);
            return end > 0 ? m.substring(q + 13, end) : "";
        }
        return "";
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a " + type.getSimpleName();
    }
}
