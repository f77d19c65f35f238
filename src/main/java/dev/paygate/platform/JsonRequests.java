package dev.paygate.platform;

import dev.paygate.problems.FieldError;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.WireNames;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.NotSupportedException;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a JSON object into a request record, strictly: malformed JSON, unknown fields and values of
 * the wrong type are rejected with the offending parameter named. Range and format rules are left
 * to Bean Validation on the record.
 *
 * <p>The body is hostile until read, so it is read as a stream of tokens and nothing is built
 * from a token before it is bounded: the body must be UTF-8; a number may have at most
 * {@value #MAX_DIGITS} digits and an exponent of at most {@value #MAX_EXPONENT} either way (an
 * amount needs about a dozen; {@code BigDecimal} would otherwise be asked for a million digits or
 * refuse the exponent with an exception of its own); a string at most {@value #MAX_STRING}
 * characters (more than any field allows, so that pattern checks only see short text) and only
 * {@link PlainText}; and as no request field is an object or an array, one sent anyway is
 * skipped, refused when nested deeper than {@value #MAX_DEPTH}, long before the parser's own
 * limit, which throws an exception no mapper knows.
 */
public final class JsonRequests {

    /**
     * The JSON provider, looked up once for the whole application: {@code Json.createParser} and the
     * other {@code Json} shortcuts search the class path for a provider on every call.
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    static final int MAX_DIGITS = 32;
    static final int MAX_EXPONENT = 32;
    static final int MAX_STRING = 4096;
    static final int MAX_DEPTH = 16;
    /** The most items a list field takes. */
    static final int MAX_LIST = 50;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern NUMBER_TEXT = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?");

    private JsonRequests() {}

    /**
     * A body that may be left out: none, or an empty one, is {@code absent}; any other must be a
     * JSON object of {@code type}, sent as {@code application/json}.
     */
    public static <R extends Record> R optional(String contentType, byte[] body, Class<R> type, R absent) {
        if (body == null || body.length == 0) {
            return absent;
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new NotSupportedException();
        }
        return read(body, type);
    }

    /** A record's components by wire name, worked out once per record type. */
    private static final ClassValue<Map<String, Integer>> INDEX = new ClassValue<>() {
        @Override
        protected Map<String, Integer> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < components.length; i++) {
                index.put(WireNames.snake(components[i].getName()), i);
            }
            return Map.copyOf(index);
        }
    };

    public static <R extends Record> R read(byte[] body, Class<R> type) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw new InvalidRequest("body_missing", "The request needs a JSON object as its body.");
        }
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Integer> index = INDEX.get(type);
        Object[] values = new Object[components.length];
        List<FieldError> errors = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (parser.next() != Event.START_OBJECT) {
                throw new InvalidRequest("body_invalid", "The request body must be a JSON object.");
            }
            Set<String> keys = new HashSet<>();
            while (parser.next() == Event.KEY_NAME) {
                String key = parser.getString();
                if (!keys.add(key)) {
                    throw new InvalidRequest("body_malformed", "The request body gives " + shown(key) + " twice.");
                }
                Event value = parser.next();
                Integer i = index.get(key);
                if (i == null) {
                    errors.add(unknown(key));
                    skip(parser, value, "body");
                } else {
                    values[i] = convert(parser, value, components[i].getType(), key, errors);
                }
            }
            if (parser.hasNext()) {
                throw new InvalidRequest("body_malformed", "The request body has content after its JSON object.");
            }
        } catch (JsonParsingException e) {
            throw new InvalidRequest(
                    "body_malformed",
                    "The request body is not valid JSON"
                            + (e.getLocation() == null
                                    ? "."
                                    : " (line " + e.getLocation().getLineNumber() + ", column "
                                            + e.getLocation().getColumnNumber() + ")."));
        } catch (JsonException e) {
            throw new InvalidRequest("body_malformed", "The request body is not valid JSON.");
        }
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        return construct(type, components, values);
    }

    /** The body as text; JSON is UTF-8 (RFC 8259), and a byte that is not is refused, not replaced. */
    private static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidRequest("body_malformed", "The request body is not valid UTF-8.");
        }
    }

    /** An unknown parameter, named only if its name looks like one (never a value or a card number). */
    private static FieldError unknown(String key) {
        if (NAME.matcher(key).matches() && !CardNumberInText.found(key)) {
            return new FieldError(key, "parameter_unknown", "Received unknown parameter: " + key);
        }
        return new FieldError(
                "body",
                "parameter_unknown",
                "Received an unknown parameter, whose name is not shown: it is not letters, digits and '_'.");
    }

    private static String shown(String key) {
        return NAME.matcher(key).matches() && !CardNumberInText.found(key) ? key : "a parameter";
    }

    /** Passes over a value; an object or an array is read to its end, down to MAX_DEPTH. */
    private static void skip(JsonParser parser, Event value, String name) {
        if (value != Event.START_OBJECT && value != Event.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            Event event = parser.next();
            if (event == Event.START_OBJECT || event == Event.START_ARRAY) {
                if (++depth > MAX_DEPTH) {
                    throw new InvalidRequest(
                            "parameter_invalid",
                            name,
                            ("body".equals(name) ? "The request body" : name) + " is nested more than " + MAX_DEPTH
                                    + " levels deep; request fields are never objects or arrays.");
                }
            } else if (event == Event.END_OBJECT || event == Event.END_ARRAY) {
                depth--;
            }
        }
    }

    private static Object convert(JsonParser parser, Event value, Class<?> type, String name, List<FieldError> errors) {
        if (value == Event.VALUE_NULL) {
            return null;
        }
        if (type == List.class) {
            return strings(parser, value, name, errors);
        }
        skip(parser, value, name);
        if (value == Event.VALUE_STRING && parser.getString().length() > MAX_STRING) {
            errors.add(
                    new FieldError(name, "parameter_invalid", name + " must be at most " + MAX_STRING + " characters"));
            return null;
        }
        if (type == String.class) {
            if (value != Event.VALUE_STRING) {
                errors.add(new FieldError(name, "parameter_invalid", name + " must be a string"));
                return null;
            }
            String text = parser.getString();
            if (!PlainText.isPlain(text)) {
                errors.add(new FieldError(name, "parameter_invalid", name + " " + PlainText.RULE));
                return null;
            }
            return text;
        }
        if (value == Event.VALUE_NUMBER && !bounded(parser.getString())) {
            errors.add(new FieldError(
                    name,
                    "parameter_invalid",
                    name + " must have at most " + MAX_DIGITS + " digits and an exponent between -" + MAX_EXPONENT
                            + " and " + MAX_EXPONENT));
            return null;
        }
        if (type == BigDecimal.class) {
            BigDecimal number = number(parser, value);
            if (number == null) {
                errors.add(new FieldError(name, "parameter_invalid", name + " must be a decimal number"));
            }
            return number;
        }
        if (type == Integer.class) {
            BigDecimal number = number(parser, value);
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

    /** A list field: an array of at most MAX_LIST plain strings (record components of type List<String>). */
    private static List<String> strings(JsonParser parser, Event value, String name, List<FieldError> errors) {
        String rule = name + " must be an array of at most " + MAX_LIST + " strings";
        if (value != Event.START_ARRAY) {
            skip(parser, value, name);
            errors.add(new FieldError(name, "parameter_invalid", rule));
            return null;
        }
        List<String> list = new ArrayList<>();
        boolean valid = true;
        for (Event item = parser.next(); item != Event.END_ARRAY; item = parser.next()) {
            if (item == Event.VALUE_STRING
                    && parser.getString().length() <= MAX_STRING
                    && PlainText.isPlain(parser.getString())) {
                list.add(parser.getString());
            } else {
                skip(parser, item, name);
                valid = false;
            }
        }
        if (!valid || list.size() > MAX_LIST) {
            errors.add(new FieldError(name, "parameter_invalid", rule));
            return null;
        }
        return List.copyOf(list);
    }

    /** A JSON number, or a string holding one, as clients often send amounts. */
    private static BigDecimal number(JsonParser parser, Event value) {
        if (value == Event.VALUE_NUMBER) {
            return new BigDecimal(parser.getString());
        }
        if (value == Event.VALUE_STRING) {
            String text = parser.getString().trim();
            return NUMBER_TEXT.matcher(text).matches() ? new BigDecimal(text) : null;
        }
        return null;
    }

    /** Whether a JSON number's text is small enough to be built: see {@link #MAX_DIGITS}, {@link #MAX_EXPONENT}. */
    static boolean bounded(String number) {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        String mantissa = e < 0 ? number : number.substring(0, e);
        int digits = 0;
        for (int i = 0; i < mantissa.length(); i++) {
            if (Character.isDigit(mantissa.charAt(i))) {
                digits++;
            }
        }
        if (digits > MAX_DIGITS) {
            return false;
        }
        if (e < 0) {
            return true;
        }
        String exponent = number.substring(e + 1).replaceFirst("^[+-]?0*", "");
        return exponent.length() <= 2 && (exponent.isEmpty() || Integer.parseInt(exponent) <= MAX_EXPONENT);
    }

    private static <R> R construct(Class<R> type, RecordComponent[] components, Object[] values) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
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
