package dev.paygate.events.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void wildcardsMatchByPrefix() {
        assertTrue(EventType.PAYMENT_FAILED.matches("payment.*"));
        assertTrue(EventType.PAYMENT_FAILED.matches("*"));
        assertTrue(EventType.PAYMENT_FAILED.matches("payment.failed"));
        assertFalse(EventType.REFUND_FAILED.matches("payment.*"));
        assertFalse(EventType.PAYMENT_FAILED.matches("payment.fail"));
        assertFalse(EventType.PAYMENT_FAILED.matches("pay*"));
    }

    @Test
    void aPatternMustNameAtLeastOneType() {
        assertTrue(EventType.isPattern("refund.*"));
        assertTrue(EventType.isPattern("refund.succeeded"));
        assertFalse(EventType.isPattern("payment.teleported"));
        assertFalse(EventType.isPattern("dispute.*"));
        assertFalse(EventType.isPattern(""));
    }

    @Test
    void everyPaymentAndRefundStatusHasItsType() {
        List<String> wire =
                Arrays.stream(EventType.values()).map(EventType::wire).toList();
        for (String status : List.of("created", "processing", "completed", "failed", "cancelled", "refunded")) {
            assertTrue(wire.contains("payment." + status), status);
        }
        assertEquals(EventType.REFUND_SUCCEEDED, EventType.of("refund", "succeeded"));
    }
}
