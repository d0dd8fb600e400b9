package com.eventix.payments.control.providers;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.UUID;

/**
 * Reading fields of provider JSON. Whatever is missing or of the wrong shape raises a JsonException, which the
 * callers turn into the error that fits (a provider answer gone wrong, or a malformed webhook).
 */
final class JsonFields {
    private JsonFields() {
    }

    static JsonObject parse(byte[] json) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            return reader.readObject();
        }
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static String string(JsonObject object, String name) {
        String value = optionalString(object, name);
        if (value == null || value.isEmpty()) {
            throw new JsonException("missing field " + name);
        }
        return value;
    }

    /** A string or number field as text; null when absent or null. */
    static String optionalString(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.toString();
        }
        return null;
    }

    static JsonObject object(JsonObject object, String name) {
        JsonObject value = optionalObject(object, name);
        if (value == null) {
            throw new JsonException("missing object " + name);
        }
        return value;
    }

    static JsonObject optionalObject(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        return value instanceof JsonObject o ? o : null;
    }

    /** A whole number, written as a JSON number or as a string of digits (Paystack writes amounts either way). */
    static long wholeNumber(JsonObject object, String name) {
        String text = optionalString(object, name);
        if (text == null) {
            throw new JsonException("missing number " + name);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new JsonException("not a whole number: " + name);
        }
    }

    static UUID uuidOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
