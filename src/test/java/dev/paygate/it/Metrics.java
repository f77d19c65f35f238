package dev.paygate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateway's business figures on {@code /metrics}, read as Prometheus' text, and the check that they count. */
public final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("(paygate_[a-z_]+)(?:\\{([^}]*)\\})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private Metrics() {}

    /**
     * Each {@code paygate_} sample on {@code /metrics}, keyed as {@code name{label=value,...}} with
     * the labels in name order and the server's scope label left out.
     */
    public static Map<String, Double> scrape(Api anonymous) {
        Api.Reply metrics = anonymous.get("/metrics");
        assertEquals(200, metrics.status(), metrics::toString);
        Map<String, Double> samples = new HashMap<>();
        for (String line : metrics.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    if (!label.group(1).equals("mp_scope")) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
            }
            samples.put(key(sample.group(1), labels), Double.parseDouble(sample.group(3)));
        }
        return samples;
    }

    static String key(String name, Map<String, String> labels) {
        List<String> pairs = new ArrayList<>();
        labels.forEach((k, v) -> pairs.add(k + "=" + v));
        return name + "{" + String.join(",", pairs) + "}";
    }

    /** {@code name} with {@code labels} (name, value, name, value...), 0 when the server has none. */
    public static double value(Map<String, Double> samples, String name, String... labels) {
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            sorted.put(labels[i], labels[i + 1]);
        }
        return samples.getOrDefault(key(name, sorted), 0.0);
    }

    /**
     * A payment completed and refunded and a payment declined, as {@code merchant} through
     * {@code api}, add exactly what they did to the counters on {@code /metrics} of {@code
     * anonymous} (the server's, on its HTTP or management port), and two answers to the
     * acquirer's lag. Nothing else may run on the server meanwhile.
     */
    public static void assertCounted(Api anonymous, Api api, String merchant) throws Exception {
        Map<String, Double> before = scrape(anonymous);
        Api.Reply approved =
                api.post("/api/v1/payments", Api.cardPayment(merchant, "20.00", "4111111111111111", Map.of()));
        Api.Reply declined =
                api.post("/api/v1/payments", Api.cardPayment(merchant, "20.00", "4000000000000002", Map.of()));
        assertEquals(201, approved.status(), approved::toString);
        assertEquals(201, declined.status(), declined::toString);
        api.awaitStatus(approved.json().getString("id"), "completed");
        api.awaitStatus(declined.json().getString("id"), "failed");
        Api.Reply refund = api.post("/api/v1/payments/" + approved.json().getString("id") + "/refund", null);
        assertEquals(202, refund.status(), refund::toString);
        api.awaitStatus(approved.json().getString("id"), "refunded");

        Map<String, Double> expected = new HashMap<>();
        expected.put("pending", 2.0);
        expected.put("processing", 2.0);
        expected.put("completed", 1.0);
        expected.put("failed", 1.0);
        expected.put("refunded", 1.0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Map<String, Double> after;
        List<String> wrong;
        do {
            // Counted once each change has committed: a moment after a read can see it.
            after = scrape(anonymous);
            wrong = new ArrayList<>();
            for (var status : expected.entrySet()) {
                double counted = value(
                                after, "paygate_payments_total", "method", "credit_card", "status", status.getKey())
                        - value(before, "paygate_payments_total", "method", "credit_card", "status", status.getKey());
                if (counted != status.getValue()) {
                    wrong.add(status.getKey() + " counted " + counted + ", not " + status.getValue());
                }
            }
            for (String status : List.of("pending", "succeeded")) {
                double counted = value(after, "paygate_refunds_total", "status", status)
                        - value(before, "paygate_refunds_total", "status", status);
                if (counted != 1.0) {
                    wrong.add("refunds " + status + " counted " + counted + ", not 1");
                }
            }
            double failures =
                    value(after, "paygate_payments_failures_total", "method", "credit_card", "code", "card_declined")
                            - value(
                                    before,
                                    "paygate_payments_failures_total",
                                    "method",
                                    "credit_card",
                                    "code",
                                    "card_declined");
            if (failures != 1.0) {
                wrong.add("card_declined failures counted " + failures + ", not 1");
            }
            double answers = value(after, "paygate_acquirer_answer_lag_milliseconds_count")
                    - value(before, "paygate_acquirer_answer_lag_milliseconds_count");
            if (answers != 2.0) {
                wrong.add("answer lags counted " + answers + ", not 2");
            }
            if (!wrong.isEmpty()) {
                Thread.sleep(200);
            }
        } while (!wrong.isEmpty() && System.nanoTime() < deadline);
        assertTrue(wrong.isEmpty(), wrong + " in " + after);
    }
}
