package dev.paygate.payments.boundary;

import static dev.paygate.idempotency.control.FingerprintAs.Part.LAST_FOUR_DIGITS;
import static dev.paygate.idempotency.control.FingerprintAs.Part.NOTHING;

import dev.paygate.idempotency.control.FingerprintAs;
import dev.paygate.platform.NoCardNumber;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new payment, as the merchant's checkout sends it. Cross-field rules: {@link PaymentRules}. */
@PaymentRules
@Schema(name = "CreatePaymentRequest")
public record CreatePaymentRequest(
        @Schema(
                name = "merchant_id",
                example = "merchant_123",
                description = "Optional: the API key's merchant. Required when authentication is off.")
        @Size(min = 1, max = 64)
        @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_MESSAGE)
        @NoCardNumber
        String merchantId,

        @Schema(name = "order_id", required = true, example = "order_456")
        @NotNull
        @Size(min = 1, max = 64)
        @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_MESSAGE)
        @NoCardNumber
        String orderId,

        @Schema(required = true, example = "100.00", description = "At most the currency's minor units of decimals")
        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "99999999.99", message = "must be at most 99999999.99")
        BigDecimal amount,

        @Schema(required = true, example = "USD", description = "ISO 4217 code, case-insensitive") @NotNull
        String currency,

        @Schema(
                name = "payment_method",
                required = true,
                example = "credit_card",
                enumeration = {"credit_card", "debit_card", "paypal", "bank_transfer"})
        @NotNull
        @Pattern(
                regexp = "credit_card|debit_card|paypal|bank_transfer",
                message = "must be one of credit_card, debit_card, paypal, bank_transfer")
        String paymentMethod,

        @Schema(name = "customer_email", example = "customer@example.com")
        @Email(regexp = ".+@.+\\..+", message = "must be a valid email address")
        @Size(max = 254)
        @NoCardNumber
        String customerEmail,

        @Schema(name = "customer_name", example = "John Doe") @Size(max = 200) @NoCardNumber
        String customerName,

        @Schema(
                name = "card_number",
                example = "4111111111111111",
                description = "Card methods only; 12-19 digits, spaces allowed; must pass Luhn. Never stored.")
        @FingerprintAs(LAST_FOUR_DIGITS)
        String cardNumber,

        @Schema(name = "card_expiry_month", example = "12") Integer cardExpiryMonth,

        @Schema(name = "card_expiry_year", example = "2030") Integer cardExpiryYear,

        @Schema(name = "card_cvv", example = "123", description = "3 digits, 4 for Amex. Never stored.")
        @FingerprintAs(NOTHING)
        String cardCvv,

        @Schema(example = "Test payment") @Size(max = 1000) @NoCardNumber
        String description,

        @Schema(
                name = "capture_method",
                example = "automatic",
                enumeration = {"automatic", "manual"},
                description = "automatic (the default) takes the payment once approved; manual only authorises it,"
                        + " to be captured or voided later")
        @Pattern(regexp = "automatic|manual", message = "must be one of automatic, manual")
        String captureMethod,

        @Schema(
                example = "DE89370400440532013000",
                description = "bank_transfer only, optional: the payer's IBAN, spaces allowed; must pass its"
                        + " mod-97 check. Only its last four characters are kept.")
        @Size(max = 42)
        @FingerprintAs(LAST_FOUR_DIGITS)
        String iban,

        @Schema(
                name = "return_url",
                example = "https://shop.example.com/checkout/return",
                description = "Where the hosted page sends the customer back to after 3-D Secure or a PayPal"
                        + " approval, with payment_id and status added to its query; an absolute http(s) URL."
                        + " A PayPal payment with it waits for the customer's approval; without it, PayPal"
                        + " completes server to server.")
        @Size(max = 2048)
        @NoCardNumber
        String returnUrl) {

    /*
     * Declared in full so that the constraints stay on the fields and accessors and are not copied
     * to the constructor's parameters: Payara's OpenAPI generator fails on a @Size or @DecimalMin
     * parameter that is not a path parameter.
     */
    public CreatePaymentRequest(
            String merchantId,
            String orderId,
            BigDecimal amount,
            String currency,
            String paymentMethod,
            String customerEmail,
            String customerName,
            String cardNumber,
            Integer cardExpiryMonth,
            Integer cardExpiryYear,
            String cardCvv,
            String description,
            String captureMethod,
            String iban,
            String returnUrl) {
        this.merchantId = merchantId;
        this.orderId = orderId;
        this.amount = amount;
        this.currency = currency;
        this.paymentMethod = paymentMethod;
        this.customerEmail = customerEmail;
        this.customerName = customerName;
        this.cardNumber = cardNumber;
        this.cardExpiryMonth = cardExpiryMonth;
        this.cardExpiryYear = cardExpiryYear;
        this.cardCvv = cardCvv;
        this.description = description;
        this.captureMethod = captureMethod;
        this.iban = iban;
        this.returnUrl = returnUrl;
    }

    static final String IDENTIFIER = "[A-Za-z0-9_.-]+";
    static final String IDENTIFIER_MESSAGE = "may contain only letters, digits, '_', '.' and '-'";

    /** Never print the card number or the security code. */
    @Override
    public String toString() {
        return "CreatePaymentRequest[merchant_id=" + merchantId + ", order_id=" + orderId + ", amount=" + amount
                + ", currency=" + currency + ", payment_method=" + paymentMethod + "]";
    }
}
