package dev.paygate.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TestCardTest {

    private static final YearMonth NOW = YearMonth.of(2026, 12);

    @Test
    void everyTestCardIsAValidNumberOfAKnownBrand() {
        for (TestCard card : TestCard.values()) {
            assertTrue(CardNumber.wellFormed(card.number()), card::name);
            assertTrue(CardNumber.luhnValid(card.number()), card::name);
            assertNotEquals(CardBrand.UNKNOWN, card.brand(), card::name);
            assertTrue(Set.of("credit", "debit").contains(card.funding()), card::name);
        }
    }

    @Test
    void everyBrandTheGatewayRecognisesHasASuccessfulCard() {
        Set<CardBrand> succeeding = Arrays.stream(TestCard.values())
                .filter(c -> c.scenario().approved())
                .map(TestCard::brand)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CardBrand.class)));
        assertEquals(EnumSet.complementOf(EnumSet.of(CardBrand.UNKNOWN)), succeeding);
    }

    @Test
    void everyFailureOutcomeHasACard() {
        Set<Scenario> triggered = Stream.of(
                        Arrays.stream(TestCard.values()).map(TestCard::scenario),
                        Arrays.stream(TestIban.values()).map(TestIban::scenario),
                        Arrays.stream(TestPaypalAccount.values()).map(TestPaypalAccount::scenario))
                .flatMap(s -> s)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scenario.class)));
        assertEquals(EnumSet.allOf(Scenario.class), triggered);
    }

    @Test
    void aCardDecidesItsScenarioWithOrWithoutSpaces() {
        for (TestCard card : TestCard.values()) {
            assertEquals(card.scenario(), Scenario.forCard(card.number(), 12, 2030, NOW), card::name);
            String spaced = card.number().replaceAll("(\\d{4})", "$1 ").trim();
            assertEquals(card.scenario(), Scenario.forCard(spaced, 12, 2030, NOW), card::name);
        }
        assertEquals(Scenario.APPROVE, Scenario.forCard("4111111111111111", 12, 2030, NOW));
        assertEquals(Scenario.EXPIRED_CARD, Scenario.forCard("4242424242424242", 11, 2026, NOW));
    }
}
