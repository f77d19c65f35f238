package dev.paygate.metrics.control;

import dev.paygate.metrics.control.Meters.Figure;
import dev.paygate.payments.control.PaymentChanged;
import dev.paygate.payments.control.PaymentProcessor;
import dev.paygate.payments.entity.PaymentMethod;
import dev.paygate.payments.entity.PaymentStatus;
import dev.paygate.refunds.control.RefundChanged;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gateway's business figures, served on {@code /metrics} in Prometheus' format
 * ({@code paygate_payments_total{method,status}} and so on; docs/api.md lists them). Counted from
 * the changes the payments' and refunds' transitions fire, once each change has committed, so a
 * rolled-back change is never counted. Each instance counts what it did: with several, the
 * gateway's figures are their sum.
 */
@ApplicationScoped
public class BusinessMetrics {

    static final Figure PAYMENTS =
            new Figure("paygate.payments", "Payments that reached each status, by payment method");
    static final Figure FAILURES =
            new Figure("paygate.payments.failures", "Failed payments by payment method and failure code");
    static final Figure REFUNDS = new Figure("paygate.refunds", "Refunds that reached each status");
    static final Figure ANSWER_LAG = new Figure(
            "paygate.acquirer.answer.lag.milliseconds",
            "How long after it was due (created_at plus the queue and processing delays) the acquirer's answer was"
                    + " committed");

    @Inject
    Instance<Meters> libraries;

    @Inject
    PaymentProcessor processor;

    /** The metrics libraries this server has (one on each server this WAR runs on). */
    private List<Meters> meters;

    /** How long a payment of each method takes when nothing goes wrong: settings of the start. */
    private Map<PaymentMethod, Duration> expected;

    @PostConstruct
    void start() {
        meters = libraries.stream().filter(Meters::available).toList();
        expected = new EnumMap<>(PaymentMethod.class);
        for (PaymentMethod method : PaymentMethod.values()) {
            expected.put(method, processor.expectedDuration(method));
        }
    }

    void paymentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentChanged change) {
        String method = change.method().wire();
        for (Meters m : meters) {
            m.count(PAYMENTS, "method", method, "status", change.to().wire());
            if (change.to() == PaymentStatus.FAILED) {
                m.count(
                        FAILURES,
                        "method",
                        method,
                        "code",
                        change.failureCode() == null ? "unknown" : change.failureCode());
            }
            if (change.from() == PaymentStatus.PROCESSING
                    && (change.to() == PaymentStatus.COMPLETED || change.to() == PaymentStatus.FAILED)) {
                Duration late = Duration.between(change.createdAt().plus(expected.get(change.method())), change.at());
                m.record(ANSWER_LAG, late.isNegative() ? 0 : late.toMillis());
            }
        }
    }

    void refundChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RefundChanged change) {
        for (Meters m : meters) {
            m.count(REFUNDS, "status", change.to().name().toLowerCase(Locale.ROOT));
        }
    }
}
