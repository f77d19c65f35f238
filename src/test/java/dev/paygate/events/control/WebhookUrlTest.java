package dev.paygate.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.problems.InvalidRequest;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/hook", "https://shop.example.com/webhooks?x=1"})
    void absoluteHttpUrlsAreTaken(String url) {
        assertEquals(url, WebhookUrl.check(url, true, "url"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://example.com/",
                "/webhooks",
                "not a url",
                "https://user:pw@example.com/",
                "https://example.com/4242424242424242"
            })
    void otherUrlsAreRefusedNamingTheParameter(String url) {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> WebhookUrl.check(url, true, "url"));
        assertEquals("url", e.param());
        assertFalse(e.getMessage().contains("4242424242424242"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://10.1.2.3/", "http://192.168.0.1/", "http://[::1]/"})
    void privateAddressesAreRefusedWhenTheDeploymentSaysSo(String url) {
        assertEquals(url, WebhookUrl.check(url, true, "url"));
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> WebhookUrl.check(url, false, "url"));
        assertTrue(e.getMessage().contains("private or local"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.64.0.1", "fd00::1", "169.254.169.254", "0.0.0.0"})
    void localRangesArePrivate(String address) throws Exception {
        assertTrue(WebhookUrl.isPrivate(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "2606:2800:220:1::1"})
    void publicAddressesAreNot(String address) throws Exception {
        assertFalse(WebhookUrl.isPrivate(InetAddress.getByName(address)));
    }
}
