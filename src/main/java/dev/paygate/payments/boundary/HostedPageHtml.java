package dev.paygate.payments.boundary;

import dev.paygate.payments.entity.CardBrand;
import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentMethod;
import dev.paygate.payments.entity.PaymentStatus;

/**
 * The hosted page's HTML: a payment page that works without JavaScript, on a phone and on a
 * desktop. Every value from the payment is escaped. Styles are inline in the page, so it needs no
 * other request, and the page links no icon, so the browser asks for none.
 */
final class HostedPageHtml {

    private HostedPageHtml() {}

    /** The question to the customer, with the form that answers it. */
    static String question(HostedPayment hosted, String formToken) {
        Payment p = hosted.payment();
        boolean paypal = p.paymentMethod() == PaymentMethod.PAYPAL;
        String title = paypal ? "Approve your payment with PayPal" : "Confirm your payment";
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"kind\">")
                .append(paypal ? "PayPal · test mode" : "3-D Secure · test mode")
                .append("</p>\n<h1 id=\"title\">")
                .append(title)
                .append("</h1>\n");
        details(body, hosted);
        body.append("<p class=\"note\">")
                .append(
                        paypal
                                ? "This is paygate's test PayPal page: choose whether the customer approves."
                                : "This is paygate's test 3-D Secure page: choose how the authentication ends.")
                .append("</p>\n")
                .append("<form method=\"post\">\n")
                .append("<input type=\"hidden\" name=\"form_token\" value=\"")
                .append(escape(formToken))
                .append("\">\n")
                .append("<button id=\"succeed\" type=\"submit\" name=\"result\" value=\"success\">")
                .append(paypal ? "Approve payment" : "Complete authentication")
                .append("</button>\n")
                .append("<button id=\"fail\" class=\"secondary\" type=\"submit\" name=\"result\" value=\"failure\">")
                .append(paypal ? "Cancel" : "Fail authentication")
                .append("</button>\n</form>\n");
        return page(title, body);
    }

    /** What a customer sees once the payment waits for them no longer, with the way back. */
    static String settled(HostedPayment hosted, String returnTo) {
        Payment p = hosted.payment();
        String title = p.status() == PaymentStatus.COMPLETED || p.status() == PaymentStatus.AUTHORIZED
                ? "Payment confirmed"
                : "Payment not confirmed";
        StringBuilder body = new StringBuilder();
        body.append("<h1 id=\"title\">").append(title).append("</h1>\n");
        details(body, hosted);
        body.append("<p class=\"note\" id=\"status\">This payment is no longer waiting for you: it is <strong>")
                .append(escape(p.status().wire().replace('_', ' ')))
                .append("</strong>.</p>\n");
        if (returnTo != null) {
            body.append("<p><a class=\"button\" href=\"")
                    .append(escape(returnTo))
                    .append("\">Return to ")
                    .append(escape(hosted.merchantName()))
                    .append("</a></p>\n");
        } else {
            body.append("<p>You can close this window.</p>\n");
        }
        return page(title, body);
    }

    /** A page for an address that leads nowhere, or a request the page cannot take. */
    static String problem(String title, String message) {
        StringBuilder body = new StringBuilder();
        body.append("<h1 id=\"title\">")
                .append(escape(title))
                .append("</h1>\n<p class=\"note\">")
                .append(escape(message))
                .append("</p>\n");
        return page(title, body);
    }

    private static void details(StringBuilder body, HostedPayment hosted) {
        Payment p = hosted.payment();
        body.append("<dl>\n");
        row(body, "Merchant", hosted.merchantName());
        row(body, "Amount", Money.scaled(p.amount(), p.currency()).toPlainString() + " " + p.currency());
        if (p.paymentMethod() == PaymentMethod.PAYPAL) {
            row(body, "PayPal account", p.customerEmail() == null ? "Test buyer" : p.customerEmail());
        } else if (p.cardLast4() != null) {
            row(body, "Card", brand(p.cardBrand()) + " •••• " + p.cardLast4());
        }
        if (p.description() != null) {
            row(body, "For", p.description());
        }
        body.append("</dl>\n");
    }

    private static void row(StringBuilder body, String term, String value) {
        body.append("<div><dt>")
                .append(term)
                .append("</dt><dd>")
                .append(escape(value))
                .append("</dd></div>\n");
    }

    private static String brand(CardBrand brand) {
        return switch (brand) {
            case VISA -> "Visa";
            case MASTERCARD -> "Mastercard";
            case AMEX -> "American Express";
            case DISCOVER -> "Discover";
            case DINERS -> "Diners Club";
            case JCB -> "JCB";
            case UNIONPAY -> "UnionPay";
            case UNKNOWN -> "Card";
        };
    }

    private static String page(String title, CharSequence main) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + escape(title) + " – paygate</title>\n"
                + "<link rel=\"icon\" href=\"data:,\">\n"
                + "<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + "<main aria-labelledby=\"title\">\n" + main + "</main>\n</body>\n</html>\n";
    }

    /** Text at least 4.5:1 against its background, buttons 44 px high, a focus ring that shows. */
    private static final String STYLE = "*{box-sizing:border-box}"
            + "body{margin:0;background:#f2f4f8;color:#1a1f36;font:16px/1.5 system-ui,-apple-system,"
            + "'Segoe UI',Roboto,sans-serif}"
            + "main{max-width:440px;margin:48px auto;padding:32px;background:#fff;border-radius:12px;"
            + "box-shadow:0 2px 12px rgba(26,31,54,.12)}"
            + "@media (max-width:480px){main{margin:0;min-height:100vh;border-radius:0;padding:24px}}"
            + "h1{font-size:1.5rem;margin:.25rem 0 1rem}"
            + ".kind{margin:0;color:#4a5068;font-size:.875rem;text-transform:uppercase;letter-spacing:.05em}"
            + "dl{margin:0 0 1.5rem;border-top:1px solid #d8dce6}"
            + "dl div{display:flex;justify-content:space-between;gap:1rem;padding:.6rem 0;"
            + "border-bottom:1px solid #d8dce6}"
            + "dt{color:#4a5068}dd{margin:0;font-weight:600;text-align:right;overflow-wrap:anywhere}"
            + ".note{color:#4a5068}"
            + "form{display:flex;flex-direction:column;gap:.75rem}"
            + "button,.button{display:block;width:100%;min-height:44px;padding:.7rem 1rem;border-radius:8px;"
            + "border:2px solid #0a2540;background:#0a2540;color:#fff;font:inherit;font-weight:600;"
            + "text-align:center;text-decoration:none;cursor:pointer}"
            + "button.secondary{background:#fff;color:#0a2540}"
            + "button:focus-visible,.button:focus-visible{outline:3px solid #c2410c;outline-offset:2px}";

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
