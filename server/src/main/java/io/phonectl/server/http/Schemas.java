package io.phonectl.server.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12) derived from the records the API reads and writes, so the
 * document cannot drift from the code: each record becomes a component with one property per record component.
 */
final class Schemas {

    private final ObjectNode components;

    Schemas(ObjectNode components) {
        this.components = components;
    }

    /** A schema for a type: inline for scalars and collections, a {@code $ref} for records. */
    ObjectNode of(Type type) {
        ObjectNode s = Json.mapper().createObjectNode();
        Class<?> raw = rawClass(type);
        if (raw == String.class || raw == char.class) {
            s.put("type", "string");
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            s.put("type", "integer");
        } else if (raw == boolean.class || raw == Boolean.class) {
            s.put("type", "boolean");
        } else if (raw == double.class || raw == Double.class || raw == float.class) {
            s.put("type", "number");
        } else if (raw == Instant.class) {
            s.put("type", "string").put("format", "date-time");
        } else if (raw.isEnum()) {
            s.put("type", "string");
            var values = s.putArray("enum");
            for (Object c : raw.getEnumConstants()) {
                values.add(c instanceof Role r ? r.spelling() : c.toString().toLowerCase(java.util.Locale.ROOT));
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            s.put("type", "array");
            s.set("items", of(typeArg(type, 0)));
        } else if (Map.class.isAssignableFrom(raw)) {
            s.put("type", "object");
            Type value = typeArg(type, 1);
            if (value != Object.class) {
                s.set("additionalProperties", of(value));
            }
        } else if (raw.isRecord()) {
            s.put("$ref", "#/components/schemas/" + define(raw));
        } else if (raw != Object.class && raw != JsonNode.class) {
            throw new IllegalArgumentException("no schema for " + type + ": use a record, a scalar or a collection");
        }
        return s;
    }

    /** The component name of a {@link Page} of {@code item}, defined on first use. */
    String page(Class<?> item) {
        String name = item.getSimpleName() + "Page";
        if (!components.has(name)) {
            ObjectNode s = components.putObject(name);
            s.put("type", "object");
            ObjectNode props = s.putObject("properties");
            props.putObject("items").put("type", "array").set("items", of(item));
            props.putObject("next").putArray("type").add("string").add("null");
            props.putObject("total").put("type", "integer");
            s.putArray("required").add("items").add("next").add("total");
        }
        return name;
    }

    private String define(Class<?> record) {
        String name = record.getSimpleName();
        if (components.has(name)) {
            return name;
        }
        ObjectNode s = components.putObject(name);
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        for (RecordComponent c : record.getRecordComponents()) {
            props.set(c.getName(), of(c.getGenericType()));
        }
        return name;
    }

    private static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type typeArg(Type t, int i) {
        return t instanceof ParameterizedType p && p.getActualTypeArguments().length > i
                ? p.getActualTypeArguments()[i] : Object.class;
    }
}
