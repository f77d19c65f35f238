package dev.paygate.payments.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.payments.entity.CaptureMethod;
import dev.paygate.payments.entity.Card;
import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentMethod;
import dev.paygate.payments.entity.Scenario;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostedPageTest {

    private static Payment payment(String returnUrl, String description) {
        return Payment.create(
                "m",
                "o",
                Money.of(new BigDecimal("42.5"), "EUR"),
                PaymentMethod.CREDIT_CARD,
                CaptureMethod.AUTOMATIC,
                Card.from("4000000000003220", 12, 2030),
                null,
                Scenario.CHALLENGE_APPROVE,
                description,
                null,
                null,
                returnUrl,
                Instant.parse("2026-03-01T10:15:30Z"));
    }

    @Test
    void theReturnUrlKeepsItsQueryAndGetsTheOutcome() {
        Payment p = payment("https://shop.example/back?order=o1", null);
        assertEquals(
                "https://shop.example/back?order=o1&payment_id=" + p.id() + "&status=pending",
                HostedPageServlet.returnTo(p));
        Payment plain = payment("https://shop.example/back", null);
        assertEquals(
                "https://shop.example/back?payment_id=" + plain.id() + "&status=pending",
                HostedPageServlet.returnTo(plain));
        assertEquals(null, HostedPageServlet.returnTo(payment(null, null)));
    }

    @Test
    void thePageEscapesWhatTheMerchantSent() {
        Payment p = payment(null, "<script>alert('x')</script> & more");
        String html = HostedPageHtml.question(new HostedPayment(p, "Shop \"A\""), "tok");
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"), html);
        assertTrue(html.contains("Shop &quot;A&quot;"), html);
        assertTrue(html.contains("42.50 EUR"), html);
        assertTrue(html.contains("Visa •••• 3220"), html);
        assertTrue(html.contains("id=\"succeed\"") && html.contains("id=\"fail\""), html);
        assertTrue(html.contains("name=\"form_token\" value=\"tok\""), html);
    }
}
