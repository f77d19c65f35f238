package dev.paygate.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DE89370400440532013000",
                "de89 3704 0044 0532 0130 00",
                "GB82WEST12345698765432",
                "NL91ABNA0417164300"
            })
    void validIbansPassTheirCheck(String iban) {
        assertTrue(Iban.valid(iban), iban);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DE88370400440532013000", // a wrong check digit
                "DE89370400440532013001", // a changed digit
                "DE8937040044", // too short
                "1289370400440532013000", // no country
                "DE89-3704-0044-0532-0130-00",
                ""
            })
    void othersDoNot(String iban) {
        assertFalse(Iban.valid(iban), iban);
    }

    @ParameterizedTest
    @EnumSource(TestIban.class)
    void everyTestIbanIsValidAndFound(TestIban iban) {
        assertTrue(Iban.valid(iban.iban()), iban::name);
        assertEquals(iban.scenario(), Scenario.forBankTransfer(iban.iban().toLowerCase()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB82WEST12345698765432"})
    void anyOtherIbanOrNoneClears(String iban) {
        assertEquals(Scenario.APPROVE, Scenario.forBankTransfer(iban));
        assertEquals(Scenario.APPROVE, Scenario.forBankTransfer(null));
        assertEquals("5432", Iban.last4(iban));
    }
}
