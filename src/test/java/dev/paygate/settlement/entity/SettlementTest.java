package dev.paygate.settlement.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SettlementTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static Settlement open() {
        return Settlement.open("m", "EUR", LocalDate.parse("2026-12-02"), NOW, "strun_x", NOW);
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void aSettlementCompletesOnceAndOnlyWithANetThatAddsUp() {
        Settlement s = open();
        assertThrows(IllegalStateException.class, () -> s.complete(d("100"), d("10"), d("3"), d("88"), 3, NOW));
        s.complete(d("100"), d("10"), d("3"), d("87"), 3, NOW);
        assertFalse(s.isOpen());
        assertThrows(IllegalStateException.class, () -> s.complete(d("100"), d("10"), d("3"), d("87"), 3, NOW));
    }

    @Test
    void aPayoutIsMadeOnlyOfACompletedSettlementWithAPositiveNet() {
        Settlement s = open();
        assertThrows(IllegalStateException.class, () -> Payout.of(s, Duration.ofDays(2), NOW));
        s.complete(d("10"), d("20"), d("0.59"), d("-10.59"), 2, NOW);
        assertThrows(IllegalStateException.class, () -> Payout.of(s, Duration.ofDays(2), NOW));

        Settlement paid = open();
        paid.complete(d("100"), d("0"), d("3.20"), d("96.80"), 1, NOW);
        Payout payout = Payout.of(paid, Duration.ofDays(2), NOW);
        assertEquals(d("96.80"), payout.amount());
        assertEquals(PayoutStatus.PENDING, payout.status());
        assertThrows(IllegalStateException.class, () -> payout.pay(NOW.plus(Duration.ofHours(47))));
        payout.pay(NOW.plus(Duration.ofDays(2)));
        assertEquals(PayoutStatus.PAID, payout.status());
        assertEquals(2, payout.revision());
        assertThrows(IllegalStateException.class, () -> payout.pay(NOW.plus(Duration.ofDays(3))));
    }

    @Test
    void aCaptureItemIsItsAmountLessItsFeeAndARefundItemIsNegativeWithoutAFee() {
        FeeRule rule = new FeeRule("m", "CARD", "*", d("2.9"), 30);
        SettlementItem capture = SettlementItem.capture("stl", "txn", "pay", "CARD", NOW, d("10.50"), "EUR", rule);
        assertEquals(d("0.60"), capture.fee());
        assertEquals(d("9.90"), capture.net());
        SettlementItem refund = SettlementItem.refund("stl", "re", "pay", "CARD", NOW, d("4.00"));
        assertEquals(d("-4.00"), refund.amount());
        assertEquals(0, refund.fee().signum());
        assertEquals(d("-4.00"), refund.net());
        assertThrows(IllegalArgumentException.class, () -> SettlementItem.refund("s", "r", "p", "CARD", NOW, d("-1")));
    }

    @Test
    void aRunLeaseRunsOutUnlessRenewedAndARunIsTriedAFewTimesAtMost() {
        Duration lease = Duration.ofSeconds(60);
        SettlementRun run = SettlementRun.start(
                LocalDate.parse("2026-12-02"), null, NOW, SettlementRun.Trigger.SCHEDULE, NOW, lease);
        assertFalse(run.leaseExpired(NOW.plusSeconds(59)));
        assertEquals(true, run.leaseExpired(NOW.plusSeconds(61)));
        run.renew(NOW.plusSeconds(50), lease);
        assertFalse(run.leaseExpired(NOW.plusSeconds(61)));
        for (int i = 1; i <= SettlementRun.MAX_ATTEMPTS; i++) {
            assertEquals(true, run.attempt(i, NOW, lease));
        }
        assertFalse(run.attempt(99, NOW, lease));
        run.complete(NOW);
        assertFalse(run.leaseExpired(NOW.plusSeconds(600)));
    }
}
