package dev.paygate.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import dev.paygate.it.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A full card number goes in; afterwards it must be nowhere: not in any text column of any table,
 * not in the server's log, not in the broker's store, not in any response.
 */
class CardDataIT extends AgainstGateway {

    /** A Visa number made for this run, so finding it anywhere can only mean this run leaked it. */
    static String uniqueCardNumber() {
        StringBuilder digits = new StringBuilder("4");
        for (int i = 0; i < 14; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            String candidate = digits.toString() + check;
            if (dev.paygate.payments.entity.CardNumber.luhnValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    @Test
    void theCardNumberIsStoredNowhereAndLoggedNowhere() throws Exception {
        String number = uniqueCardNumber();
        String spaced = number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
        String last4 = number.substring(12);
        List<String> bodies = new ArrayList<>();

        // With an idempotency key, whose stored fingerprint and answer must not hold the number either.
        Api.Reply approved = api.post(
                "/api/v1/payments",
                Api.cardPayment(merchant, "80.00", spaced, Map.of()),
                "card-data-" + number.substring(12));
        assertEquals(201, approved.status(), approved::toString);
        bodies.add(approved.body());
        String id = approved.json().getString("id");
        assertEquals(last4, approved.json().getString("card_last4"));
        api.awaitStatus(id, "completed");
        Api.Reply refund = api.post("/api/v1/payments/" + id + "/refund", "{\"amount\": 20.00}");
        assertEquals(202, refund.status(), refund::toString);
        bodies.add(refund.body());

        // rejected requests carrying the number must not echo it either
        bodies.add(api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", number, Map.of("currency", "ABC")))
                .body());
        bodies.add(api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", number, Map.of("card_cvv", "12345")))
                .body());
        bodies.add(api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", number, Map.of("colour", "red")))
                .body());
        bodies.add(api.post(
                        "/api/v1/payments",
                        Api.cardPayment(merchant, "10.00", number, Map.of("payment_method", "paypal")))
                .body());
        bodies.add(api.get("/api/v1/payments/" + id).body());
        bodies.add(api.get("/api/v1/payments/" + id + "/transactions").body());
        bodies.add(api.get("/api/v1/payments?merchant_id=" + merchant).body());
        for (String body : bodies) {
            assertFalse(body.contains(number) || body.contains(spaced), body);
        }
        Api.sleep(500); // let the refund settle and the log flush

        assertStoredNowhere(number, merchant, last4);
    }

    /**
     * The number typed into each free-text field, as people type it, is refused with 400
     * card_number_in_text naming the field, never echoed, and afterwards found nowhere.
     */
    @Test
    void aCardNumberInAnyFreeTextFieldIsRefusedAndStoredNowhere() throws Exception {
        String number = uniqueCardNumber();
        String spaced = number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
        String dashed = number.replaceAll("(\\d{4})(?=\\d)", "$1-");
        String card = "5555555555554444";

        Map<String, Map<String, Object>> paymentFields = new java.util.LinkedHashMap<>();
        paymentFields.put("description", Map.of("description", "Paid with " + spaced + ", thanks"));
        paymentFields.put("customer_name", Map.of("customer_name", number));
        paymentFields.put("order_id", Map.of("order_id", "order-" + dashed));
        paymentFields.put("customer_email", Map.of("customer_email", number + "@example.com"));
        paymentFields.put("merchant_id", Map.of("merchant_id", "m_" + number));
        for (var field : paymentFields.entrySet()) {
            assertRefused(
                    api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", card, field.getValue())),
                    field.getKey(),
                    number);
        }
        // the number in the key, with a body that is valid on its own
        String valid = Api.cardPayment(merchant, "10.00", card, Map.of());
        assertRefused(api.post("/api/v1/payments", valid, "order-" + number), "Idempotency-Key", number);
        assertRefused(api.post("/api/v1/payments", valid, "retry " + spaced), "Idempotency-Key", number);

        Api.Reply paid = api.post("/api/v1/payments", valid);
        assertEquals(201, paid.status(), paid::toString);
        String id = paid.json().getString("id");
        api.awaitStatus(id, "completed");
        assertRefused(
                api.post(
                        "/api/v1/payments/" + id + "/refund", "{\"reason\":\"card " + spaced + " was charged twice\"}"),
                "reason",
                number);
        assertRefused(
                api.post("/api/v1/payments/" + id + "/refund", "{}", "refund-" + number), "Idempotency-Key", number);
        assertEquals(0, api.get("/api/v1/payments/" + id + "/refunds").array().size(), "no refund was made");

        String newMerchant = Api.merchant();
        assertRefused(
                admin.post(
                        "/api/v1/admin/merchants", "{\"id\":\"" + newMerchant + "\",\"name\":\"Shop " + spaced + "\"}"),
                "name",
                number);
        assertEquals(404, admin.get("/api/v1/admin/merchants/" + newMerchant).status(), "the merchant was not created");
        assertRefused(
                admin.post("/api/v1/admin/merchants", "{\"id\":\"m_" + number + "\",\"name\":\"Shop\"}"), "id", number);
        assertRefused(
                admin.post("/api/v1/admin/merchants/" + merchant, "{\"name\":\"" + dashed + "\"}"), "name", number);
        assertRefused(
                admin.post(
                        "/api/v1/admin/merchants/" + merchant,
                        "{\"webhook_url\":\"https://shop.example/hook?card=" + number + "\"}"),
                "webhook_url",
                number);
        assertEquals(
                "Test " + merchant,
                admin.get("/api/v1/admin/merchants/" + merchant).json().getString("name"));

        Api.sleep(500); // let the log flush
        assertStoredNowhere(number, merchant, card.substring(12));
    }

    private static void assertRefused(Api.Reply reply, String param, String number) {
        assertEquals(400, reply.status(), param + ": " + reply);
        JsonObject error = reply.error();
        assertTrue(
                error.getJsonArray("errors").stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(e -> e.getString("param").equals(param)
                                && e.getString("code").equals("card_number_in_text")),
                param + ": " + reply);
        if (error.getString("param").equals(param)) {
            assertEquals("card_number_in_text", error.getString("code"), reply::toString);
            assertTrue(
                    error.getString("message").startsWith(param + " looks like it holds a card number"),
                    reply::toString);
        }
        assertFalse(reply.body().replaceAll("[ -]", "").contains(number), "the number is echoed: " + reply);
    }

    /** No text column of any table, no file of the server (log, broker store) holds the number in any form. */
    private void assertStoredNowhere(String number, String merchant, String last4) throws Exception {
        String spaced = number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
        String dashed = number.replaceAll("(\\d{4})(?=\\d)", "$1-");
        int columns = 0;
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement()) {
            List<String[]> textColumns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND data_type IN ('character varying', 'text', 'character')")) {
                while (rs.next()) {
                    textColumns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] col : textColumns) {
                String sql = "SELECT count(*) FROM \"" + col[0] + "\" WHERE replace(replace(\"" + col[1]
                        + "\", ' ', ''), '-', '') LIKE '%" + number + "%'";
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), col[0] + "." + col[1] + " holds the card number");
                }
                columns++;
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM payments WHERE card_last4 = '" + last4
                    + "' AND merchant_id = '" + merchant + "'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the scan looked at the table the payment is in");
            }
        }
        assertTrue(columns >= 20, "scanned only " + columns + " text columns");

        Path itDir = Path.of(System.getProperty("paygate.it.dir", "target/it"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(itDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(
                files.stream().anyMatch(p -> p.getFileName().toString().startsWith("payara.log")),
                "the server log is among the scanned files: " + files);
        for (Path file : files) {
            String content = read(file);
            assertFalse(
                    content.contains(number) || content.contains(spaced) || content.contains(dashed),
                    file + " holds the card number");
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
