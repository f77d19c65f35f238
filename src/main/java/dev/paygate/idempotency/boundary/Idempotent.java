package dev.paygate.idempotency.boundary;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST whose answer is stored under its Idempotency-Key in the same transaction as its effects.
 * Put it on the facade's business method that owns that transaction and returns the HTTP answer
 * (a {@code Response}, or the body of a 200).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {}
