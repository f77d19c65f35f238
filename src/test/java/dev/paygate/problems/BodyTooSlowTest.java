package dev.paygate.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BodyTooSlowTest {

    @Test
    void isA408RequestTimeoutThatNamesTheDeadline() {
        BodyTooSlow e = new BodyTooSlow(10_000);
        assertEquals(408, e.type().status());
        assertEquals("invalid_request_error", e.toApiError().error().type());
        assertEquals("request_timeout", e.code());
        assertTrue(
                e.getMessage().contains("too slowly") && e.getMessage().contains("within 10 seconds"), e.getMessage());
        assertTrue(new BodyTooSlow(2_500).getMessage().contains("within 2.5 seconds"));
    }
}
