package dev.paygate.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paygate.access.entity.Credential;
import dev.paygate.problems.ErrorType;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.PermissionDenied;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CallerTest {

    private static final Credential KEY = new Credential("key_1", "merchant_1", null, true, null, null);

    private static Caller withKey() {
        Caller caller = new Caller();
        caller.authenticated(KEY);
        return caller;
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void withoutAKeyTheMerchantMustBeNamed(String named) {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> new Caller().merchantFor(named, "merchant_id"));
        assertEquals("parameter_missing", e.code());
        assertEquals("merchant_id", e.param());
        assertEquals(ErrorType.INVALID_REQUEST_ERROR, e.type());
    }

    @Test
    void withoutAKeyTheParamIsNamedAsGiven() {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> new Caller().merchantFor(null, "merchant"));
        assertEquals("merchant", e.param());
        assertEquals("merchant", e.errors().get(0).param());
    }

    @Test
    void withoutAKeyTheNamedMerchantIsUsedAndAllAreInScope() {
        Caller caller = new Caller();
        assertEquals("merchant_7", caller.merchantFor("merchant_7", "merchant_id"));
        assertNull(caller.scope());
        assertNull(caller.credential());
    }

    @Test
    void withAKeyTheMerchantMayBeOmitted() {
        assertEquals("merchant_1", withKey().merchantFor(null, "merchant_id"));
    }

    @Test
    void withAKeyItsOwnMerchantMayBeNamed() {
        assertEquals("merchant_1", withKey().merchantFor("merchant_1", "merchant_id"));
    }

    @Test
    void withAKeyAnotherMerchantIsForbidden() {
        PermissionDenied e =
                assertThrows(PermissionDenied.class, () -> withKey().merchantFor("merchant_2", "merchant_id"));
        assertEquals("merchant_mismatch", e.code());
        assertEquals("merchant_id", e.param());
        assertEquals(ErrorType.PERMISSION_ERROR, e.type());
        assertEquals(403, e.type().status());
    }

    @Test
    void withAKeyTheScopeIsItsMerchant() {
        Caller caller = withKey();
        assertEquals("merchant_1", caller.scope());
        assertSame(KEY, caller.credential());
    }
}
