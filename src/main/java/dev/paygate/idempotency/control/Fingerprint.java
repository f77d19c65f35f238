package dev.paygate.idempotency.control;

import static dev.paygate.platform.JsonRequests.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * What makes two requests "the same" for an idempotency key: method, path and body. A JSON body
 * is compared by its content, so key order and whitespace do not matter; any other body byte by
 * byte. A card number counts only by its last four digits and a security code not at all: even a
 * hash of either would let whoever reads the database try every possible number against it.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String method, String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            sha.update(canonical(body));
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
    static byte[] canonical(byte[] body) {
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
            write(value, out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException notJson) {
            return MALFORMED;
        }
    }

    private static final byte[] MALFORMED = "\u0000malformed".getBytes(StandardCharsets.UTF_8);

    private static void write(JsonValue value, StringBuilder out) {
        if (value instanceof JsonObject object) {
            out.append('{');
            String sep = "";
            for (var entry : new TreeMap<>(object).entrySet()) {
                if (entry.getKey().equals("card_cvv")) {
                    continue;
                }
                out.append(sep).append(JSON.createValue(entry.getKey())).append(':');
                if (entry.getKey().equals("card_number")) {
                    JsonValue number = entry.getValue();
                    String text = number instanceof JsonString string ? string.getString() : number.toString();
                    String digits = text.replaceAll("\\D", "");
                    out.append(JSON.createValue(digits.substring(Math.max(0, digits.length() - 4))));
                } else {
                    write(entry.getValue(), out);
                }
                sep = ",";
            }
            out.append('}');
        } else if (value instanceof JsonArray array) {
            out.append('[');
            String sep = "";
            for (JsonValue item : array) {
                out.append(sep);
                write(item, out);
                sep = ",";
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }
}
