package dev.paygate.access.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final String SECRET = "sk_test_" + "abcdefghijklmnopqrstuvwxyz_0123456789";

    private static String sha256Hex(String s) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void issuedSecretIsTestPrefixAndAtLeast32RandomCharacters() {
        ApiKey.Issued issued = ApiKey.issue("merchant_1", T0);
        String secret = issued.secret();
        assertTrue(secret.startsWith("sk_test_"), secret);
        String random = secret.substring("sk_test_".length());
        assertTrue(random.length() >= 32, secret);
        assertTrue(random.matches("[A-Za-z0-9]+"), secret);
        assertTrue(ApiKey.wellFormed(secret), "an issued key is accepted by the gateway's own format check");
    }

    @Test
    void eachIssuedKeyIsDifferent() {
        Set<String> secrets = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ApiKey.Issued issued = ApiKey.issue("merchant_1", T0);
            secrets.add(issued.secret());
            ids.add(issued.key().id());
        }
        assertEquals(50, secrets.size());
        assertEquals(50, ids.size());
    }

    @Test
    void issuedKeyBelongsToItsMerchantAndIsLive() {
        ApiKey key = ApiKey.issue("merchant_1", T0).key();
        assertTrue(key.id().startsWith("key_"), key.id());
        assertEquals("merchant_1", key.merchantId());
        assertEquals(T0, key.createdAt());
        assertFalse(key.revoked());
        assertNull(key.revokedAt());
    }

    @Test
    void digestIsSha256HexOfTheSecret() throws Exception {
        assertEquals(sha256Hex(SECRET), ApiKey.digest(SECRET));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ApiKey.digest(""));
        assertNotEquals(ApiKey.digest(SECRET), ApiKey.digest(SECRET + "x"));
    }

    @Test
    void theKeyKeepsTheHashButNeverTheSecret() throws Exception {
        ApiKey.Issued issued = ApiKey.issue("merchant_1", T0);
        String secret = issued.secret();
        String random = secret.substring("sk_test_".length());
        boolean hashFound = false;
        for (Field field : ApiKey.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object value = field.get(issued.key());
            if (value instanceof String s) {
                assertFalse(s.contains(random), field.getName() + " holds the secret");
                assertFalse(s.contains(secret.substring(0, 20)), field.getName() + " holds much of the secret");
                hashFound |= s.equals(sha256Hex(secret));
            } else if (value instanceof char[] || value instanceof byte[]) {
                throw new AssertionError(field.getName() + " holds raw characters or bytes");
            }
        }
        assertTrue(hashFound, "the SHA-256 of the secret is kept, to find the key by");
    }

    @Test
    void displayPrefixTellsKeysApartWithoutGivingThemAway() {
        ApiKey.Issued issued = ApiKey.issue("merchant_1", T0);
        String prefix = issued.key().displayPrefix();
        assertEquals(issued.secret().substring(0, 12), prefix);
        assertTrue(prefix.startsWith("sk_test_"));

        ApiKey registered = ApiKey.register("merchant_1", SECRET, T0).key();
        assertEquals("sk_test_abcd", registered.displayPrefix());
    }

    @Test
    void registeredKeyHashesTheChosenSecret() {
        ApiKey.Issued registered = ApiKey.register("merchant_demo", SECRET, T0);
        assertEquals(SECRET, registered.secret());
        assertEquals("merchant_demo", registered.key().merchantId());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sk_test_abcdefghijklmnopqrstuvwxyz012345", // exactly 32 after the prefix
                "sk_test_ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdef_0123456789",
            })
    void wellFormedKeys(String secret) {
        assertTrue(ApiKey.wellFormed(secret), secret);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "sk_test_abcdefghijklmnopqrstuvwxyz01234", // 31 after the prefix
                "sk_live_abcdefghijklmnopqrstuvwxyz012345", // not a test key
                "SK_TEST_abcdefghijklmnopqrstuvwxyz012345",
                "pk_test_abcdefghijklmnopqrstuvwxyz012345",
                "abcdefghijklmnopqrstuvwxyz0123456789abcdefgh",
                "sk_test_abcdefghijklmnopqrstuvwxyz-012345", // '-' is not allowed
                "sk_test_abcdefghijklmnopqrstuvwxyz 012345",
                "sk_test_abcdefghijklmnopqrstuvwxyzé012345",
                "sk_test_abcdefghijklmnopqrstuvwxyz012345\n",
                "sk_test_",
            })
    void malformedKeys(String secret) {
        assertFalse(ApiKey.wellFormed(secret), secret);
    }

    @Test
    void wellFormedHasAnUpperLength() {
        assertTrue(ApiKey.wellFormed("sk_test_" + "a".repeat(120)), "128 characters in all");
        assertFalse(ApiKey.wellFormed("sk_test_" + "a".repeat(121)), "129 characters in all");
    }

    @Test
    void registeringAMalformedSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ApiKey.register("merchant_1", "sk_test_short", T0));
        assertThrows(IllegalArgumentException.class, () -> ApiKey.register("merchant_1", null, T0));
    }

    @Test
    void revokeTakesEffectAndIsIdempotent() {
        ApiKey key = ApiKey.issue("merchant_1", T0).key();
        Instant first = T0.plusSeconds(60);
        key.revoke(first);
        assertTrue(key.revoked());
        assertEquals(first, key.revokedAt());

        key.revoke(T0.plusSeconds(3600));
        assertTrue(key.revoked());
        assertEquals(first, key.revokedAt(), "revoking again keeps the first time");
    }
}
