package dev.paygate.refunds.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.payments.entity.CaptureMethod;
import dev.paygate.payments.entity.Card;
import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentMethod;
import dev.paygate.payments.entity.Scenario;
import dev.paygate.refunds.entity.Refund;
import dev.paygate.refunds.entity.RefundStatus;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefundTransitionsTest {

    /** How long an authorisation stays capturable. */
    static final Duration VALIDITY = Duration.ofDays(7);

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final Instant T1 = T0.plusSeconds(1);

    private final List<Object> persisted = new ArrayList<>();
    private final List<RefundChanged> fired = new ArrayList<>();
    private final RefundTransitions transitions = new RefundTransitions();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void fakeContainer() {
        transitions.em = (EntityManager) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("persist")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    persisted.add(args[0]);
                    return null;
                });
        transitions.changed = (Event<RefundChanged>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Event.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("fire")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    fired.add((RefundChanged) args[0]);
                    return null;
                });
    }

    private static Refund pendingRefund() {
        Payment p = Payment.create(
                "merchant_1",
                "order_1",
                Money.of(new BigDecimal("100.00"), "USD"),
                PaymentMethod.CREDIT_CARD,
                CaptureMethod.AUTOMATIC,
                Card.from("4111111111111111", 12, 2030),
                null,
                Scenario.APPROVE,
                null,
                null,
                null,
                null,
                T0);
        p.startProcessing(T0);
        p.settle(T0, VALIDITY, VALIDITY);
        return Refund.request(p, new BigDecimal("30.00"), BigDecimal.ZERO, null, T0);
    }

    @Test
    void acceptPersistsTheRefundAndFiresOnce() {
        Refund r = pendingRefund();
        transitions.accept(r, "merchant_1");
        assertEquals(List.of(r), persisted);
        assertEquals(
                List.of(new RefundChanged(r.id(), r.paymentId(), "merchant_1", null, RefundStatus.PENDING, T0, r)),
                fired);
    }

    @Test
    void succeedFiresOnce() {
        Refund r = pendingRefund();
        transitions.succeed(r, "merchant_1", T1);
        assertEquals(RefundStatus.SUCCEEDED, r.status());
        assertEquals(
                List.of(new RefundChanged(
                        r.id(), r.paymentId(), "merchant_1", RefundStatus.PENDING, RefundStatus.SUCCEEDED, T1, r)),
                fired);
        assertTrue(persisted.isEmpty());
    }

    @Test
    void succeedingTwiceThrowsAndFiresNothingTheSecondTime() {
        Refund r = pendingRefund();
        transitions.succeed(r, "merchant_1", T1);
        fired.clear();
        assertThrows(IllegalStateException.class, () -> transitions.succeed(r, "merchant_1", T1.plusSeconds(1)));
        assertTrue(fired.isEmpty(), fired.toString());
        assertEquals(T1, r.updatedAt());
    }
}
