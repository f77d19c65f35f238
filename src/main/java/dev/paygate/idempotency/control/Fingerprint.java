package dev.paygate.idempotency.control;

import static dev.paygate.platform.JsonRequests.JSON;

import dev.paygate.idempotency.control.FingerprintAs.Part;
import dev.paygate.problems.WireNames;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two requests "the same" for an idempotency key: method, path and body. A JSON body
 * is compared by its content, so key order and whitespace do not matter; any other body byte by
 * byte. Fields marked {@link FingerprintAs} on the request records count only as marked.
 */
public final class Fingerprint {

    private Fingerprint() {}

    /**
     * Whether a resource method reads a body at all: only one that takes a request record does. A
     * body sent to any other (card data posted to a cancel, say) is ignored by the API, so it is
     * left out of the fingerprint rather than hashed whole with nothing marked in it.
     */
    public static boolean readsBody(Method resourceMethod) {
        for (Class<?> type : resourceMethod.getParameterTypes()) {
            if (type.isRecord()) {
                return true;
            }
        }
        return false;
    }

    /** The marks of the request records a resource method takes, by wire name, for {@link #of}. */
    public static Map<String, Part> marks(Method resourceMethod) {
        Map<String, Part> marks = new HashMap<>();
        for (Class<?> type : resourceMethod.getParameterTypes()) {
            marks.putAll(MARKS.get(type));
        }
        return marks;
    }

    private static final ClassValue<Map<String, Part>> MARKS = new ClassValue<>() {
        @Override
        protected Map<String, Part> computeValue(Class<?> type) {
            Map<String, Part> marks = new HashMap<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    FingerprintAs mark = component.getAnnotation(FingerprintAs.class);
                    if (mark != null) {
                        marks.put(WireNames.snake(component.getName()), mark.value());
                    }
                }
            }
            return Map.copyOf(marks);
        }
    };

    /** {@code marks}: how the body's fields count, by wire name, at any depth; unmarked ones count whole. */
    public static String of(String method, String path, byte[] body, Map<String, Part> marks) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            sha.update(canonical(body, marks));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Every body this API takes is JSON or empty. One that does not parse is refused as invalid,
     * so all such bodies count as the same request, and their bytes, which may hold a card
     * number, are never hashed.
     */
    static byte[] canonical(byte[] body, Map<String, Part> marks) {
        if (body.length == 0) {
            return body;
        }
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                return MALFORMED;
            }
            StringBuilder out = new StringBuilder(body.length);
            write(value, marks, out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException notJson) {
            return MALFORMED;
        }
    }

    private static final byte[] MALFORMED = "\u0000malformed".getBytes(StandardCharsets.UTF_8);

    private static void write(JsonValue value, Map<String, Part> marks, StringBuilder out) {
        if (value instanceof JsonObject object) {
            out.append('{');
            String sep = "";
            for (var entry : new TreeMap<>(object).entrySet()) {
                Part mark = marks.get(entry.getKey());
                if (mark == Part.NOTHING) {
                    continue;
                }
                out.append(sep).append(JSON.createValue(entry.getKey())).append(':');
                if (mark == Part.LAST_FOUR_DIGITS) {
                    JsonValue number = entry.getValue();
                    String text = number instanceof JsonString string ? string.getString() : number.toString();
                    String digits = text.replaceAll("\\D", "");
                    out.append(JSON.createValue(digits.substring(Math.max(0, digits.length() - 4))));
                } else {
                    write(entry.getValue(), marks, out);
                }
                sep = ",";
            }
            out.append('}');
        } else if (value instanceof JsonArray array) {
            out.append('[');
            String sep = "";
            for (JsonValue item : array) {
                out.append(sep);
                write(item, marks, out);
                sep = ",";
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }
}
