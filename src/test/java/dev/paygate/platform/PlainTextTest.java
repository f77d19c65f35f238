package dev.paygate.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void printableTextOfAnyScriptIsPlain() {
        for (String text :
                new String[] {"", "Test payment", "Zoë Łukasiewicz", "北京", "€ 5,00", "\uD83D\uDE00", "\u00a0", "a~b"}) {
            assertTrue(PlainText.isPlain(text), text);
        }
    }

    @Test
    void controlCharactersAreNot() {
        for (int c = 0; c < 0x20; c++) {
            assertFalse(PlainText.isPlain("a" + (char) c + "b"), Integer.toHexString(c));
        }
        for (int c = 0x7f; c <= 0x9f; c++) {
            assertFalse(PlainText.isPlain("a" + (char) c), Integer.toHexString(c));
        }
    }

    @Test
    void halfASurrogatePairIsNot() {
        assertFalse(PlainText.isPlain("\uD83D"));
        assertFalse(PlainText.isPlain("x\uDE00"));
        assertFalse(PlainText.isPlain("\uDE00\uD83D"));
    }
}
