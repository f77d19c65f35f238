package dev.paygate.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentStatusTest {

    @Test
    void allowedMoves() {
        assertEquals(EnumSet.of(PaymentStatus.PROCESSING, PaymentStatus.CANCELLED), PaymentStatus.PENDING.next());
        assertEquals(
                EnumSet.of(
                        PaymentStatus.REQUIRES_ACTION,
                        PaymentStatus.AUTHORIZED,
                        PaymentStatus.COMPLETED,
                        PaymentStatus.FAILED),
                PaymentStatus.PROCESSING.next());
        assertEquals(
                EnumSet.of(
                        PaymentStatus.AUTHORIZED,
                        PaymentStatus.COMPLETED,
                        PaymentStatus.FAILED,
                        PaymentStatus.CANCELLED),
                PaymentStatus.REQUIRES_ACTION.next());
        assertEquals(EnumSet.of(PaymentStatus.COMPLETED, PaymentStatus.CANCELLED), PaymentStatus.AUTHORIZED.next());
        assertEquals(EnumSet.of(PaymentStatus.REFUNDED), PaymentStatus.COMPLETED.next());
    }

    @ParameterizedTest
    @EnumSource(
            value = PaymentStatus.class,
            names = {"FAILED", "CANCELLED", "REFUNDED"})
    void terminalStatusesGoNowhere(PaymentStatus terminal) {
        assertTrue(terminal.next().isEmpty());
        for (PaymentStatus target : PaymentStatus.values()) {
            assertFalse(terminal.canMoveTo(target), terminal + " -> " + target);
        }
    }

    @Test
    void canMoveTo() {
        assertTrue(PaymentStatus.PENDING.canMoveTo(PaymentStatus.PROCESSING));
        assertTrue(PaymentStatus.PENDING.canMoveTo(PaymentStatus.CANCELLED));
        assertFalse(PaymentStatus.PENDING.canMoveTo(PaymentStatus.COMPLETED));
        assertFalse(PaymentStatus.PENDING.canMoveTo(PaymentStatus.REFUNDED));
        assertFalse(PaymentStatus.PROCESSING.canMoveTo(PaymentStatus.CANCELLED));
        assertFalse(PaymentStatus.PROCESSING.canMoveTo(PaymentStatus.PENDING));
        assertTrue(PaymentStatus.COMPLETED.canMoveTo(PaymentStatus.REFUNDED));
        assertFalse(PaymentStatus.COMPLETED.canMoveTo(PaymentStatus.CANCELLED));
        assertFalse(PaymentStatus.COMPLETED.canMoveTo(PaymentStatus.FAILED));
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void noStatusMovesToItself(PaymentStatus status) {
        assertFalse(status.canMoveTo(status));
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void wireRoundTrip(PaymentStatus status) {
        assertEquals(status.name().toLowerCase(), status.wire());
        assertEquals(java.util.Optional.of(status), PaymentStatus.fromWire(status.wire()));
    }

    @Test
    void fromWireRejectsUnknown() {
        assertTrue(PaymentStatus.fromWire("settled").isEmpty());
        assertTrue(PaymentStatus.fromWire("COMPLETED").isEmpty(), "the wire name is lower case");
    }
}
