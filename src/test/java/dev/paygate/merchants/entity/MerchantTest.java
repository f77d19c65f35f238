package dev.paygate.merchants.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.access.entity.Credential;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MerchantTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final Instant T1 = T0.plusSeconds(90);

    private static Merchant acme() {
        return Merchant.create("merchant_1", "Acme Shop", "https://shop.example.com/hooks", T0);
    }

    @Test
    void createdMerchantIsActiveWithDefaultLimits() {
        Merchant m = acme();
        assertEquals("merchant_1", m.id());
        assertEquals("Acme Shop", m.name());
        assertEquals("https://shop.example.com/hooks", m.webhookUrl());
        assertEquals(Merchant.Status.ACTIVE, m.status());
        assertTrue(m.active());
        assertNull(m.readRateLimit());
        assertNull(m.writeRateLimit());
        assertEquals(T0, m.createdAt());
        assertEquals(T0, m.updatedAt());
    }

    @Test
    void renameAndWebhookChangeTouchUpdatedAtOnly() {
        Merchant m = acme();
        m.rename("Acme Ltd", T1);
        assertEquals("Acme Ltd", m.name());
        assertEquals(T1, m.updatedAt());
        assertEquals(T0, m.createdAt());

        Instant t2 = T1.plusSeconds(1);
        m.changeWebhookUrl(null, t2);
        assertNull(m.webhookUrl());
        assertEquals(t2, m.updatedAt());
        assertEquals("Acme Ltd", m.name());
    }

    @Test
    void disablingAndEnablingAMerchant() {
        Merchant m = acme();
        m.changeStatus(Merchant.Status.DISABLED, T1);
        assertFalse(m.active());
        assertEquals(Merchant.Status.DISABLED, m.status());
        assertEquals(T1, m.updatedAt());

        m.changeStatus(Merchant.Status.ACTIVE, T1.plusSeconds(1));
        assertTrue(m.active());
    }

    @Test
    void limitRatesSetsAndClearsOverrides() {
        Merchant m = acme();
        m.limitRates(100, 5, T1);
        assertEquals(100, m.readRateLimit());
        assertEquals(5, m.writeRateLimit());
        assertEquals(T1, m.updatedAt());

        m.limitRates(null, 5, T1.plusSeconds(1));
        assertNull(m.readRateLimit(), "null goes back to the gateway's default");
        assertEquals(5, m.writeRateLimit());

        m.limitRates(1, 1, T1.plusSeconds(2));
        assertEquals(1, m.readRateLimit());
        assertEquals(1, m.writeRateLimit());
    }

    @Test
    void limitRatesRejectsLessThanOnePerSecond() {
        Merchant m = acme();
        m.limitRates(10, 10, T0);
        assertThrows(IllegalArgumentException.class, () -> m.limitRates(0, 10, T1));
        assertThrows(IllegalArgumentException.class, () -> m.limitRates(10, 0, T1));
        assertThrows(IllegalArgumentException.class, () -> m.limitRates(-1, null, T1));
        assertThrows(IllegalArgumentException.class, () -> m.limitRates(null, -5, T1));
        assertEquals(10, m.readRateLimit(), "a refused change leaves the limits as they were");
        assertEquals(10, m.writeRateLimit());
        assertEquals(T0, m.updatedAt());
    }

    @Test
    void statusWireNames() {
        assertEquals("active", Merchant.Status.ACTIVE.wire());
        assertEquals("disabled", Merchant.Status.DISABLED.wire());
        for (Merchant.Status s : Merchant.Status.values()) {
            assertEquals(Optional.of(s), Merchant.Status.fromWire(s.wire()));
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ACTIVE", "Disabled", "enabled", " active", "active "})
    void unknownWireStatus(String value) {
        assertEquals(Optional.empty(), Merchant.Status.fromWire(value));
    }

    /** Authentication reads the stored status on its own; it must read these two as this entity writes them. */
    @Test
    void authenticationLetsOnlyAnActiveMerchantsKeysAct() {
        assertTrue(new Credential("key_1", "merchant_1", null, Merchant.Status.ACTIVE.name(), null, null)
                .merchantActive());
        assertFalse(new Credential("key_1", "merchant_1", null, Merchant.Status.DISABLED.name(), null, null)
                .merchantActive());
    }
}
