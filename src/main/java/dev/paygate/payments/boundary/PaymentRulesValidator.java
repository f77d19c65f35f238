package dev.paygate.payments.boundary;

import dev.paygate.payments.entity.CardBrand;
import dev.paygate.payments.entity.CardNumber;
import dev.paygate.payments.entity.Iban;
import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.PaymentMethod;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Currency;
import java.util.Optional;

/**
 * Currency must be ISO 4217 and the amount fit its minor unit; card methods need a valid card,
 * other methods must not send one. Each failure names its parameter; the message starts with
 * {@code code:<error code>}.
 */
public class PaymentRulesValidator implements ConstraintValidator<PaymentRules, CreatePaymentRequest> {

    @Override
    public boolean isValid(CreatePaymentRequest r, ConstraintValidatorContext context) {
        if (r == null) {
            return true;
        }
        Rules rules = new Rules(context);
        Optional<Currency> currency = Optional.empty();
        if (r.currency() != null) {
            currency = Money.currency(r.currency());
            if (currency.isEmpty()) {
                rules.fail("currency", "invalid_currency", "must be an ISO 4217 currency code such as USD or EUR");
            }
        }
        if (currency.isPresent() && r.amount() != null && !Money.fitsMinorUnit(r.amount(), currency.get())) {
            int digits = currency.get().getDefaultFractionDigits();
            rules.fail(
                    "amount",
                    "invalid_amount_precision",
                    "has more decimal places than " + currency.get().getCurrencyCode() + " allows (" + digits + ")");
        }
        Optional<PaymentMethod> method = PaymentMethod.fromWire(r.paymentMethod());
        if (method.isPresent() && method.get().isCard()) {
            checkCard(r, rules);
        } else if (method.isPresent()) {
            rejectCardFields(r, rules);
        }
        if (r.iban() != null) {
            if (method.isPresent() && method.get() != PaymentMethod.BANK_TRANSFER) {
                rules.fail(
                        "iban",
                        "parameter_not_allowed",
                        "is only accepted for bank transfers, not " + r.paymentMethod());
            } else if (!Iban.valid(r.iban())) {
                rules.fail("iban", "invalid_iban", "is not a valid IBAN (format or mod-97 check)");
            }
        }
        if (r.returnUrl() != null && !absoluteWebUrl(r.returnUrl())) {
            rules.fail("return_url", "invalid_url", "must be an absolute http or https URL");
        }
        return rules.valid;
    }

    /** An absolute http(s) URL with a host, and no user name or password in it. */
    static boolean absoluteWebUrl(String value) {
        try {
            java.net.URI uri = new java.net.URI(value);
            return uri.getScheme() != null
                    && (uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && uri.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void checkCard(CreatePaymentRequest r, Rules rules) {
        CardBrand brand = null;
        if (r.cardNumber() == null) {
            rules.fail("card_number", "parameter_missing", "is required for card payments");
        } else if (!CardNumber.wellFormed(r.cardNumber())) {
            rules.fail("card_number", "invalid_number", "must be 12 to 19 digits");
        } else {
            brand = CardNumber.brand(r.cardNumber());
            if (!CardNumber.luhnValid(r.cardNumber())) {
                rules.fail("card_number", "invalid_number", "is not a valid card number (Luhn check failed)");
            }
        }
        if (r.cardExpiryMonth() == null) {
            rules.fail("card_expiry_month", "parameter_missing", "is required for card payments");
        } else if (r.cardExpiryMonth() < 1 || r.cardExpiryMonth() > 12) {
            rules.fail("card_expiry_month", "invalid_expiry_month", "must be between 1 and 12");
        }
        if (r.cardExpiryYear() == null) {
            rules.fail("card_expiry_year", "parameter_missing", "is required for card payments");
        } else if (r.cardExpiryYear() < 1000 || r.cardExpiryYear() > 9999) {
            rules.fail("card_expiry_year", "invalid_expiry_year", "must have 4 digits");
        }
        if (r.cardCvv() == null) {
            rules.fail("card_cvv", "parameter_missing", "is required for card payments");
        } else if (!r.cardCvv().matches("\\d{" + (brand == null ? 3 : brand.cvvLength()) + "}")) {
            rules.fail(
                    "card_cvv",
                    "invalid_cvc",
                    brand == CardBrand.AMEX ? "must be 4 digits for American Express" : "must be 3 digits");
        }
    }

    private static void rejectCardFields(CreatePaymentRequest r, Rules rules) {
        String method = r.paymentMethod();
        if (r.cardNumber() != null) {
            rules.fail("card_number", "parameter_not_allowed", "is only accepted for card payments, not " + method);
        }
        if (r.cardExpiryMonth() != null) {
            rules.fail(
                    "card_expiry_month", "parameter_not_allowed", "is only accepted for card payments, not " + method);
        }
        if (r.cardExpiryYear() != null) {
            rules.fail(
                    "card_expiry_year", "parameter_not_allowed", "is only accepted for card payments, not " + method);
        }
        if (r.cardCvv() != null) {
            rules.fail("card_cvv", "parameter_not_allowed", "is only accepted for card payments, not " + method);
        }
    }

    private static final class Rules {
        private final ConstraintValidatorContext context;
        private boolean valid = true;

        Rules(ConstraintValidatorContext context) {
            this.context = context;
            context.disableDefaultConstraintViolation();
        }

        void fail(String param, String code, String message) {
            valid = false;
            context.buildConstraintViolationWithTemplate("code:" + code + " " + message.replace("{", "\\{"))
                    .addPropertyNode(param)
                    .addConstraintViolation();
        }
    }
}
