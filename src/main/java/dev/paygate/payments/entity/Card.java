package dev.paygate.payments.entity;

/** What is kept of a card: never the number or the security code. */
public record Card(CardBrand brand, String last4, int expiryMonth, int expiryYear) {

    public static Card from(String number, int expiryMonth, int expiryYear) {
        return new Card(CardNumber.brand(number), CardNumber.last4(number), expiryMonth, expiryYear);
    }
}
