package dev.paygate.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import dev.paygate.it.TestDatabase;
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
        Api.Reply approved = api.post("/api/v1/payments", Api.cardPayment(merchant, "80.00", spaced, Map.of()),
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
        bodies.add(api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", number, Map.of("currency", "ABC"))).body());
        bodies.add(api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", number, Map.of("card_cvv", "12345"))).body());
        bodies.add(api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", number, Map.of("colour", "red"))).body());
        bodies.add(api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", number,
                Map.of("payment_method", "paypal"))).body());
        bodies.add(api.get("/api/v1/payments/" + id).body());
        bodies.add(api.get("/api/v1/payments/" + id + "/transactions").body());
        bodies.add(api.get("/api/v1/payments?merchant_id=" + merchant).body());
        for (String body : bodies) {
            assertFalse(body.contains(number) || body.contains(spaced), body);
        }
        Api.sleep(500); // let the refund settle and the log flush

        int columns = 0;
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            List<String[]> textColumns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND data_type IN ('character varying', 'text', 'character')")) {
                while (rs.next()) {
                    textColumns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] col : textColumns) {
                String sql = "SELECT count(*) FROM \"" + col[0] + "\" WHERE replace(\"" + col[1] + "\", ' ', '') LIKE '%"
                        + number + "%'";
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
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().startsWith("payara.log")),
                "the server log is among the scanned files: " + files);
        for (Path file : files) {
            String content = read(file);
            assertFalse(content.contains(number) || content.contains(spaced), file + " holds the card number");
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
