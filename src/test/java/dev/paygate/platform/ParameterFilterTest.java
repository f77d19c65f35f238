package dev.paygate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ParameterFilterTest {

    @Test
    void aPercentWithoutTwoHexDigitsIsRefusedNamingItsParameter() {
        assertEquals(
                "starting_after",
                ParameterFilter.badEscape("limit=2&starting_after=%zz").param());
        assertEquals("status", ParameterFilter.badEscape("status=a%").param());
        assertEquals("status", ParameterFilter.badEscape("status=%4").param());
        assertEquals("query", ParameterFilter.badEscape("%%=1").param());
    }

    @Test
    void validEscapesPass() {
        assertNull(ParameterFilter.badEscape(null));
        assertNull(ParameterFilter.badEscape("limit=2&starting_after=pay_%41b%2F"));
        assertNull(ParameterFilter.badEscape("status=completed"));
    }
}
