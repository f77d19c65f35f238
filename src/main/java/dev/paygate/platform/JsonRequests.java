package dev.paygate.platform;

import dev.paygate.problems.FieldError;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.WireNames;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a JSON object into a request record, strictly: malformed JSON, unknown fields and values of
 * the wrong type are rejected with the offending parameter named. Range and format rules are left
 * to Bean Validation on the record.
 */
public final class JsonRequests {

    /**
     * The JSON provider, looked up once for the whole application: {@code Json.createParser} and the
     * other {@code Json} shortcuts search the class path for a provider on every call.
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonRequests() {
    }

    public static <R extends Record> R read(byte[] body, Class<R> type) {
        JsonObject json = parse(body);
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byWireName = Arrays.stream(components)
                .collect(Collectors.toMap(c -> WireNames.snake(c.getName()), c -> c));
        List<FieldError> errors = new ArrayList<>();
        for (String key : json.keySet()) {
            if (!byWireName.containsKey(key)) {
                errors.add(new FieldError(key, "parameter_unknown", "Received unknown parameter: " + key));
            }
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = WireNames.snake(components[i].getName());
            values[i] = convert(json.get(name), components[i].getType(), name, errors);
        }
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        return construct(type, components, values);
    }

    private static JsonObject parse(byte[] body) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidRequest("body_missing", "The request needs a JSON object as its body.");
        }
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw new InvalidRequest("body_invalid", "The request body must be a JSON object.");
            }
            JsonObjectBuilder object = JSON.createObjectBuilder();
            Set<String> keys = new HashSet<>();
            while (parser.next() == JsonParser.Event.KEY_NAME) {
                String key = parser.getString();
                if (!keys.add(key)) {
                    throw new InvalidRequest("body_malformed", "The request body gives " + key + " twice.");
                }
                parser.next();
                object.add(key, parser.getValue());
            }
            if (parser.hasNext()) {
                throw new InvalidRequest("body_malformed", "The request body has content after its JSON object.");
            }
            return object.build();
        } catch (JsonParsingException e) {
            throw new InvalidRequest("body_malformed", "The request body is not valid JSON"
                    + (e.getLocation() == null ? "." : " (line " + e.getLocation().getLineNumber()
                            + ", column " + e.getLocation().getColumnNumber() + ")."));
        } catch (jakarta.json.JsonException e) {
            throw new InvalidRequest("body_malformed", "The request body is not valid JSON.");
        }
    }

    private static final Set<JsonValue.ValueType> ABSENT = Set.of(JsonValue.ValueType.NULL);

    private static Object convert(JsonValue value, Class<?> type, String name, List<FieldError> errors) {
        if (value == null || ABSENT.contains(value.getValueType())) {
            return null;
        }
        if (type == String.class) {
            if (value instanceof JsonString s) {
                return s.getString();
            }
            errors.add(new FieldError(name, "parameter_invalid", name + " must be a string"));
            return null;
        }
        if (type == BigDecimal.class) {
            BigDecimal number = number(value);
            if (number == null) {
                errors.add(new FieldError(name, "parameter_invalid", name + " must be a decimal number"));
            }
            return number;
        }
        if (type == Integer.class) {
            BigDecimal number = number(value);
            try {
                if (number != null) {
                    return number.intValueExact();
                }
            } catch (ArithmeticException e) {
                // not a whole number in int range: reported below
            }
            errors.add(new FieldError(name, "parameter_invalid", name + " must be a whole number"));
            return null;
        }
        throw new IllegalArgumentException("unsupported request field type " + type);
    }

    /** A JSON number, or a string holding one, as clients often send amounts. */
    private static BigDecimal number(JsonValue value) {
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (value instanceof JsonString s && s.getString().trim().matches("-?\\d{1,20}(\\.\\d{1,20})?")) {
            return new BigDecimal(s.getString().trim());
        }
        return null;
    }

    private static <R> R construct(Class<R> type, RecordComponent[] components, Object[] values) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }
}
