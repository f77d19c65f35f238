package dev.paygate.idempotency.control;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a field of a request record counts when two requests with one Idempotency-Key are compared.
 * Unmarked fields count by their whole value. Card data is marked: even a hash of a card number or
 * a security code would let whoever reads the database try every possible value against it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface FingerprintAs {

    Part value();

    enum Part {
        /** Left out: requests that differ only here are the same request. */
        NOTHING,
        /** Only the last four digits count, separators ignored. */
        LAST_FOUR_DIGITS
    }
}
