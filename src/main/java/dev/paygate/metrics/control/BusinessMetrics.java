package dev.paygate.metrics.control;

import dev.paygate.payments.control.PaymentChanged;
import dev.paygate.payments.control.PaymentProcessor;
import dev.paygate.payments.entity.PaymentStatus;
import dev.paygate.refunds.control.RefundChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The gateway's business figures in the application registry of MicroProfile Metrics, served on
 * {@code /metrics} in Prometheus' format ({@code paygate_payments_total{method,status}} and so on;
 * docs/api.md lists them). Counted from the changes the payments' and refunds' transitions fire,
 * once each change has committed, so a rolled-back change is never counted. Each instance counts
 * what it did: with several, the gateway's figures are their sum.
 */
@ApplicationScoped
public class BusinessMetrics {

    static final Metadata PAYMENTS = Metadata.builder()
            .withName("paygate.payments")
            .withDescription("Payments that reached each status, by payment method")
            .build();
    static final Metadata FAILURES = Metadata.builder()
            .withName("paygate.payments.failures")
            .withDescription("Failed payments by payment method and failure code")
            .build();
    static final Metadata REFUNDS = Metadata.builder()
            .withName("paygate.refunds")
            .withDescription("Refunds that reached each status")
            .build();
    /**
     * In milliseconds by its name, without a unit: with a time unit, Payara Micro's exporter
     * converts the quantiles to seconds but not the sum, or the sum but not the quantiles.
     */
    static final Metadata ANSWER_LAG = Metadata.builder()
            .withName("paygate.acquirer.answer.lag.milliseconds")
            .withDescription("How long after it was due (created_at plus the queue and processing delays) the"
                    + " acquirer's answer was committed")
            .build();

    @Inject
    MetricRegistry registry;

    @Inject
    PaymentProcessor processor;

    private Duration expected;

    /** The counters by name and label values, so that a change costs a map look-up. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    void paymentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentChanged change) {
        String method = change.method().wire();
        counter(PAYMENTS, "method", method, "status", change.to().wire()).inc();
        if (change.to() == PaymentStatus.FAILED) {
            String code = change.failureCode() == null ? "unknown" : change.failureCode();
            counter(FAILURES, "method", method, "code", code).inc();
        }
        if (change.from() == PaymentStatus.PROCESSING
                && (change.to() == PaymentStatus.COMPLETED || change.to() == PaymentStatus.FAILED)) {
            Duration late = Duration.between(change.createdAt().plus(expected()), change.at());
            registry.histogram(ANSWER_LAG).update(late.isNegative() ? 0 : late.toMillis());
        }
    }

    void refundChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RefundChanged change) {
        counter(REFUNDS, "status", change.to().name().toLowerCase(Locale.ROOT)).inc();
    }

    /** The counter {@code metadata} names with the labels given as name, value, name, value. */
    private Counter counter(Metadata metadata, String... labels) {
        List<String> key = new ArrayList<>(labels.length + 1);
        key.add(metadata.getName());
        key.addAll(Arrays.asList(labels));
        return counters.computeIfAbsent(key, k -> {
            Tag[] tags = new Tag[labels.length / 2];
            for (int i = 0; i < tags.length; i++) {
                tags[i] = new Tag(labels[2 * i], labels[2 * i + 1]);
            }
            return registry.counter(metadata, tags);
        });
    }

    /** The acquirer's two delays, read once: they are settings of the start. */
    private Duration expected() {
        if (expected == null) {
            expected = processor.expectedDuration();
        }
        return expected;
    }
}
