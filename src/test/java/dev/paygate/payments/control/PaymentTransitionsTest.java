package dev.paygate.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.payments.entity.CaptureMethod;
import dev.paygate.payments.entity.Card;
import dev.paygate.payments.entity.InvalidPaymentTransition;
import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentMethod;
import dev.paygate.payments.entity.PaymentStatus;
import dev.paygate.payments.entity.PaymentTransaction;
import dev.paygate.payments.entity.Scenario;
import dev.paygate.payments.entity.TransactionStatus;
import dev.paygate.payments.entity.TransactionType;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentTransitionsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final Instant T1 = T0.plusSeconds(1);

    private final List<Object> persisted = new ArrayList<>();
    private final List<PaymentChanged> fired = new ArrayList<>();
    private final PaymentTransitions transitions = new PaymentTransitions();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void fakeContainer() {
        transitions.authorizationValiditySeconds = 7 * 24 * 3600;
        transitions.em = (EntityManager) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("persist")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    persisted.add(args[0]);
                    return null;
                });
        transitions.changed = (Event<PaymentChanged>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Event.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("fire")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    fired.add((PaymentChanged) args[0]);
                    return null;
                });
    }

    private static Payment pending(Scenario scenario) {
        return Payment.create(
                "merchant_1",
                "order_1",
                Money.of(new BigDecimal("100.00"), "USD"),
                PaymentMethod.CREDIT_CARD,
                CaptureMethod.AUTOMATIC,
                Card.from("4111111111111111", 12, 2030),
                null,
                scenario,
                null,
                null,
                null,
                null,
                T0);
    }

    private Payment completed() {
        Payment p = pending(Scenario.APPROVE);
        transitions.startProcessing(p, T0);
        transitions.settle(p, T0);
        clear();
        return p;
    }

    private void clear() {
        persisted.clear();
        fired.clear();
    }

    private PaymentChanged onlyEvent() {
        assertEquals(1, fired.size(), fired.toString());
        return fired.get(0);
    }

    private PaymentTransaction onlyRow() {
        assertEquals(1, persisted.size(), persisted.toString());
        return (PaymentTransaction) persisted.get(0);
    }

    private void assertNothingRecorded() {
        assertTrue(fired.isEmpty(), fired.toString());
        assertTrue(persisted.isEmpty(), persisted.toString());
    }

    @Test
    void acceptPersistsPaymentAndChargeAndFiresOnce() {
        Payment p = pending(Scenario.APPROVE);
        transitions.accept(p);
        assertEquals(2, persisted.size());
        assertEquals(p, persisted.get(0));
        assertEquals(TransactionStatus.PENDING, ((PaymentTransaction) persisted.get(1)).status());
        assertEquals(PaymentChanged.of(p, null, T0), onlyEvent());
    }

    /** The one event fired: {@code p} moved from {@code from} at {@code at}, and what it showed before. */
    private void assertChanged(Payment p, PaymentStatus from, java.time.Instant at) {
        PaymentChanged event = onlyEvent();
        assertEquals(from, event.from());
        assertEquals(from, event.before().status());
        assertEquals(p.status(), event.to());
        assertEquals(at, event.at());
        assertEquals(p, event.payment());
    }

    @Test
    void startProcessingFiresOnce() {
        Payment p = pending(Scenario.APPROVE);
        transitions.startProcessing(p, T1);
        assertEquals(TransactionStatus.PROCESSING, onlyRow().status());
        assertChanged(p, PaymentStatus.PENDING, T1);
    }

    @Test
    void approvedAnswerFiresCompletedOnce() {
        Payment p = pending(Scenario.APPROVE);
        transitions.startProcessing(p, T0);
        clear();
        transitions.settle(p, T1);
        assertEquals(TransactionStatus.SUCCEEDED, onlyRow().status());
        assertChanged(p, PaymentStatus.PROCESSING, T1);
    }

    @Test
    void declinedAnswerFiresFailedOnce() {
        Payment p = pending(Scenario.DECLINE_GENERIC);
        transitions.startProcessing(p, T0);
        clear();
        transitions.settle(p, T1);
        assertEquals(TransactionStatus.FAILED, onlyRow().status());
        PaymentChanged event = onlyEvent();
        assertEquals(PaymentStatus.PROCESSING, event.from());
        assertEquals(PaymentStatus.FAILED, event.to());
        assertEquals(PaymentMethod.CREDIT_CARD, event.method());
        assertEquals("card_declined", event.failureCode());
        assertEquals(T0, event.createdAt());
    }

    @Test
    void cancelFiresOnce() {
        Payment p = pending(Scenario.APPROVE);
        transitions.cancel(p, null, T1);
        assertEquals(TransactionType.VOID, onlyRow().type());
        assertChanged(p, PaymentStatus.PENDING, T1);
    }

    @Test
    void partialRefundWritesItsRowButChangesNoStatus() {
        Payment p = completed();
        transitions.refund(p, new BigDecimal("40.00"), T1);
        assertEquals(TransactionType.REFUND, onlyRow().type());
        assertTrue(fired.isEmpty(), fired.toString());
        assertEquals(PaymentStatus.COMPLETED, p.status());
    }

    @Test
    void refundOfTheRestFiresRefundedOnce() {
        Payment p = completed();
        transitions.refund(p, new BigDecimal("40.00"), T1);
        clear();
        transitions.refund(p, new BigDecimal("60.00"), T1.plusSeconds(1));
        assertEquals(TransactionType.REFUND, onlyRow().type());
        PaymentChanged event = onlyEvent();
        assertEquals(PaymentStatus.COMPLETED, event.from());
        assertEquals(PaymentStatus.REFUNDED, event.to());
        assertEquals(p.updatedAt(), event.at());
    }

    @Test
    void cancellingACompletedPaymentThrowsAndRecordsNothing() {
        Payment p = completed();
        InvalidPaymentTransition e =
                assertThrows(InvalidPaymentTransition.class, () -> transitions.cancel(p, null, T1));
        assertTrue(e.getMessage().contains("is completed and cannot be cancelled"), e.getMessage());
        assertNothingRecorded();
        assertEquals(PaymentStatus.COMPLETED, p.status());
    }

    @Test
    void answeringAPendingPaymentThrowsAndRecordsNothing() {
        Payment p = pending(Scenario.APPROVE);
        assertThrows(InvalidPaymentTransition.class, () -> transitions.settle(p, T1));
        assertNothingRecorded();
        assertEquals(PaymentStatus.PENDING, p.status());
    }

    @Test
    void processingTwiceThrowsAndRecordsNothingTheSecondTime() {
        Payment p = pending(Scenario.APPROVE);
        transitions.startProcessing(p, T0);
        clear();
        assertThrows(InvalidPaymentTransition.class, () -> transitions.startProcessing(p, T1));
        assertNothingRecorded();
    }

    @Test
    void refundingAPendingPaymentThrowsAndRecordsNothing() {
        Payment p = pending(Scenario.APPROVE);
        assertThrows(InvalidPaymentTransition.class, () -> transitions.refund(p, new BigDecimal("100.00"), T1));
        assertNothingRecorded();
    }
}
