package dev.paygate.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioTest {

    private static final YearMonth NOW = YearMonth.of(2026, 3);

    @Test
    void genericDeclineCard() {
        assertEquals(Scenario.DECLINE_GENERIC, Scenario.forCard("4000000000000002", 12, 2030, NOW));
        assertEquals(Scenario.DECLINE_GENERIC, Scenario.forCard("4000 0000 0000 0002", 12, 2030, NOW));
    }

    @Test
    void insufficientFundsCard() {
        assertEquals(Scenario.DECLINE_INSUFFICIENT_FUNDS, Scenario.forCard("4000000000009995", 12, 2030, NOW));
        assertEquals(Scenario.DECLINE_INSUFFICIENT_FUNDS, Scenario.forCard("4000 0000 0000 9995", 12, 2030, NOW));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"4111111111111111", "4242424242424242", "5555555555554444", "378282246310005", "4000000000000010"
            })
    void anyOtherCardApproves(String number) {
        assertEquals(Scenario.APPROVE, Scenario.forCard(number, 12, 2030, NOW));
    }

    @Test
    void cardExpiredLastMonthIsExpired() {
        assertEquals(Scenario.EXPIRED_CARD, Scenario.forCard("4111111111111111", 2, 2026, NOW));
    }

    @Test
    void cardExpiredLastYearIsExpired() {
        assertEquals(Scenario.EXPIRED_CARD, Scenario.forCard("4111111111111111", 12, 2025, NOW));
        assertEquals(Scenario.EXPIRED_CARD, Scenario.forCard("4111111111111111", 3, 2025, NOW));
    }

    @Test
    void cardExpiringThisMonthIsStillValid() {
        assertEquals(Scenario.APPROVE, Scenario.forCard("4111111111111111", 3, 2026, NOW));
        assertEquals(Scenario.EXPIRED_CARD, Scenario.forCard("4111111111111111", 3, 2026, NOW.plusMonths(1)));
    }

    @Test
    void expiryInTheFutureApproves() {
        assertEquals(Scenario.APPROVE, Scenario.forCard("4111111111111111", 4, 2026, NOW));
        assertEquals(Scenario.APPROVE, Scenario.forCard("4111111111111111", 1, 2027, NOW));
    }

    @Test
    void expiryWinsOverADeclineCard() {
        assertEquals(Scenario.EXPIRED_CARD, Scenario.forCard("4000000000000002", 1, 2020, NOW));
        assertEquals(Scenario.EXPIRED_CARD, Scenario.forCard("4000000000009995", 1, 2020, NOW));
    }

    @Test
    void acquirerAnswers() {
        assertTrue(Scenario.APPROVE.approved());
        assertEquals("00", Scenario.APPROVE.responseCode());
        assertNull(Scenario.APPROVE.failureCode());
        assertNull(Scenario.APPROVE.declineCode());
        assertNull(Scenario.APPROVE.failureMessage());

        assertFalse(Scenario.DECLINE_GENERIC.approved());
        assertEquals("05", Scenario.DECLINE_GENERIC.responseCode());
        assertEquals("card_declined", Scenario.DECLINE_GENERIC.failureCode());
        assertEquals("generic_decline", Scenario.DECLINE_GENERIC.declineCode());
        assertEquals("Your card was declined.", Scenario.DECLINE_GENERIC.failureMessage());

        assertFalse(Scenario.DECLINE_INSUFFICIENT_FUNDS.approved());
        assertEquals("51", Scenario.DECLINE_INSUFFICIENT_FUNDS.responseCode());
        assertEquals("card_declined", Scenario.DECLINE_INSUFFICIENT_FUNDS.failureCode());
        assertEquals("insufficient_funds", Scenario.DECLINE_INSUFFICIENT_FUNDS.declineCode());

        assertFalse(Scenario.EXPIRED_CARD.approved());
        assertEquals("54", Scenario.EXPIRED_CARD.responseCode());
        assertEquals("expired_card", Scenario.EXPIRED_CARD.failureCode());
        assertNull(Scenario.EXPIRED_CARD.declineCode());
        assertEquals("Your card has expired.", Scenario.EXPIRED_CARD.failureMessage());
    }
}
