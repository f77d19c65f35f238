package dev.paygate.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {

    private static final String KEY = "sk_test_abcdefghijklmnopqrstuvwxyz0123456789";

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bearerToken() {
        assertEquals(KEY, Authentication.presented("Bearer " + KEY));
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertEquals(KEY, Authentication.presented("bearer " + KEY));
        assertEquals(KEY, Authentication.presented("BEARER " + KEY));
        assertEquals(KEY, Authentication.presented(basic(KEY + ":").replace("Basic", "basic")));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertEquals(KEY, Authentication.presented("  Bearer   " + KEY + "  "));
    }

    @Test
    void basicWithTheKeyAsUserNameAndEmptyPassword() {
        assertEquals(KEY, Authentication.presented(basic(KEY + ":")), "curl -u sk_test_...:");
    }

    @Test
    void basicWithTheKeyAloneWithoutColon() {
        assertEquals(KEY, Authentication.presented(basic(KEY)));
    }

    @Test
    void basicPasswordIsNotTheKey() {
        assertEquals(KEY, Authentication.presented(basic(KEY + ":ignored")));
        assertNull(Authentication.presented(basic(":" + KEY)), "a key sent as the password is not taken");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!not-base64!!!", "Basic c2tfdGVzdA=x", "Basic %%%%"})
    void garbageBase64IsNoCredential(String header) {
        assertNull(Authentication.presented(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Digest " + KEY, "Token " + KEY, "ApiKey " + KEY, "Bearer: " + KEY})
    void unknownSchemeIsNoCredential(String header) {
        assertNull(Authentication.presented(header));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer    ", "Basic", "Basic ", "   ", KEY})
    void missingTokenIsNoCredential(String header) {
        assertNull(Authentication.presented(header));
    }

    @Test
    void basicWithEmptyUserIsNoCredential() {
        assertNull(Authentication.presented(basic(":")));
        assertNull(Authentication.presented(basic("")));
    }

    @Test
    void maskedShowsOnlyTheFirst8AndLast4() {
        String masked = Authentication.masked(KEY);
        assertTrue(masked.startsWith("sk_test_"), masked);
        assertTrue(masked.endsWith("6789"), masked);
        String middle = masked.substring(8, masked.length() - 4);
        assertTrue(middle.matches("\\*+"), masked);
        assertFalse(masked.contains("abcd"), masked);
    }

    @Test
    void maskedNeverRevealsMoreThanTheFirst8AndLast4() {
        String secret = "sk_test_" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".repeat(2);
        for (int length = 0; length <= secret.length(); length++) {
            String key = secret.substring(0, length);
            String masked = Authentication.masked(key);
            int shown = 0;
            for (int i = 0; i < masked.length(); i++) {
                if (masked.charAt(i) != '*') {
                    shown++;
                }
            }
            assertTrue(shown <= 12, key + " -> " + masked);
            if (length > 0) {
                assertFalse(masked.equals(key), "a key of " + length + " characters is shown unmasked");
            }
            // What is shown is the key's own first 8 and last 4 characters, nothing from its middle.
            String head = masked.replaceAll("\\*.*$", "");
            assertTrue(head.length() <= 8 && key.startsWith(head), key + " -> " + masked);
            String tail = masked.replaceAll("^.*\\*", "");
            assertTrue(tail.length() <= 4 && key.endsWith(tail), key + " -> " + masked);
        }
    }

    @Test
    void shortValuesAreMaskedEntirely() {
        assertEquals("************", Authentication.masked("sk_test_abcd"));
        assertEquals("***", Authentication.masked("abc"));
        assertEquals("", Authentication.masked(""));
    }

    @Test
    void maskedDoesNotGiveAwayTheLengthOfLongValues() {
        assertEquals(
                Authentication.masked(KEY + "x".repeat(100)).length(),
                Authentication.masked(KEY + "x".repeat(200)).length());
    }
}
