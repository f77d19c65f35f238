package dev.paygate.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field that must not hold a card number ({@link CardNumberInText}); refused as
 * {@code card_number_in_text}, without quoting the value. Not a parameter target: request records
 * declare their canonical constructors so that constraints stay off the parameters.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoCardNumber.Validator.class)
public @interface NoCardNumber {

    String message() default "code:" + CardNumberInText.CODE + " " + CardNumberInText.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NoCardNumber, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return !CardNumberInText.found(value);
        }
    }
}
