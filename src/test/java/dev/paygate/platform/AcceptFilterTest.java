package dev.paygate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AcceptFilterTest {

    @Test
    void keepsWhatTheRuntimesUnderstand() {
        assertEquals(
                "application/json;charset=UTF-8;q=0.9, */*;q=0.1",
                AcceptFilter.cleaned("application/json;charset=UTF-8;q=0.9, */*;q=0.1"));
        assertEquals("application/json; q=1.000", AcceptFilter.cleaned("application/json; q=1.000"));
        assertEquals("text/plain;q=0", AcceptFilter.cleaned("text/plain;q=0"));
    }

    @Test
    void dropsAnUnknownCharset() {
        assertEquals("application/json", AcceptFilter.cleaned("application/json;charset=no-such-charset"));
    }

    @Test
    void dropsAWeightThatIsNotAQvalue() {
        assertEquals("application/json, */*", AcceptFilter.cleaned("application/json;q=abc, */*;q=2"));
        assertEquals("application/json", AcceptFilter.cleaned("application/json;q=0.12345"));
        assertEquals("application/json", AcceptFilter.cleaned("application/json;q=-1"));
    }
}
