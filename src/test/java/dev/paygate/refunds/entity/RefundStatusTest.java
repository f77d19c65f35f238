package dev.paygate.refunds.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RefundStatusTest {

    @Test
    void onlyAPendingRefundIsSettled() {
        assertEquals(EnumSet.of(RefundStatus.SUCCEEDED, RefundStatus.FAILED), RefundStatus.PENDING.next());
        for (RefundStatus from : EnumSet.of(RefundStatus.SUCCEEDED, RefundStatus.FAILED)) {
            for (RefundStatus to : RefundStatus.values()) {
                assertFalse(from.canMoveTo(to), from + " -> " + to);
            }
        }
    }
}
