package dev.paygate.payments.boundary;

import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentStatus;
import dev.paygate.platform.Ids;
import dev.paygate.problems.ResourceNotFound;
import dev.paygate.problems.StateConflict;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * The hosted page a customer is sent to for 3-D Secure or a PayPal approval:
 * {@code GET /pay/{payment id}/{token}} shows the payment and two buttons, and their {@code POST}
 * answers for the customer, then sends the browser back to the merchant's {@code return_url} with
 * {@code payment_id} and {@code status}.
 *
 * <p>The form is protected against cross-site posting three ways: the token in the address, which
 * only the merchant and the customer know; a form token that must equal a cookie set with the
 * page (SameSite=Strict, so another site's form never carries it); and the browser's
 * {@code Origin} and {@code Sec-Fetch-Site}, which must name this page's own site. The page is
 * never framed, never cached, and sends a Referer only to itself: one to the merchant would carry
 * the token.
 */
@WebServlet(urlPatterns = "/pay/*", asyncSupported = true)
public class HostedPageServlet extends HttpServlet {

    private static final String COOKIE = "paygate_form";
    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    Payments payments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] address = address(request);
        if (address == null) {
            notFound(response);
            return;
        }
        HostedPayment hosted;
        try {
            hosted = payments.hosted(address[0], address[1]);
        } catch (ResourceNotFound e) {
            notFound(response);
            return;
        }
        if (hosted.payment().status() != PaymentStatus.REQUIRES_ACTION) {
            write(response, 200, HostedPageHtml.settled(hosted, returnTo(hosted.payment())));
            return;
        }
        String formToken = Ids.random(32);
        response.addHeader(
                "Set-Cookie",
                COOKIE + "=" + formToken + "; Path=" + HostedPageAddress.PATH + address[0]
                        + "/; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : ""));
        write(response, 200, HostedPageHtml.question(hosted, formToken));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] address = address(request);
        if (address == null) {
            notFound(response);
            return;
        }
        if (!sameSite(request)) {
            write(
                    response,
                    403,
                    HostedPageHtml.problem("Not allowed", "This form can only be sent from its own page."));
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith(FORM)) {
            write(response, 415, HostedPageHtml.problem("Not a form", "Send the page's form as " + FORM + "."));
            return;
        }
        Map<String, String> form = form(request);
        if (!matches(form.get("form_token"), cookie(request))) {
            write(
                    response,
                    403,
                    HostedPageHtml.problem(
                            "This page has expired", "Open the payment's page again and choose once more."));
            return;
        }
        String result = form.get("result");
        if (!"success".equals(result) && !"failure".equals(result)) {
            write(response, 400, HostedPageHtml.problem("Choose an answer", "Use one of the page's buttons."));
            return;
        }
        HostedPayment hosted;
        try {
            hosted = payments.answerHosted(address[0], address[1], "success".equals(result));
        } catch (ResourceNotFound e) {
            notFound(response);
            return;
        } catch (StateConflict alreadyAnswered) {
            hosted = payments.hosted(address[0], address[1]);
        }
        String back = returnTo(hosted.payment());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", back != null ? back : request.getRequestURI());
        noStore(response);
    }

    /** The payment id and token from {@code /pay/{id}/{token}}; null for any other path. */
    private static String[] address(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null) {
            return null;
        }
        String[] parts = path.substring(1).split("/", -1);
        return parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty() ? parts : null;
    }

    /**
     * The merchant's return_url with the payment's id and status added to its query (before a
     * fragment, which the request rules already refuse); null without one.
     */
    static String returnTo(Payment payment) {
        String url = payment.returnUrl();
        if (url == null) {
            return null;
        }
        return url
                + (url.contains("?") ? (url.endsWith("?") || url.endsWith("&") ? "" : "&") : "?")
                + "payment_id=" + URLEncoder.encode(payment.id(), StandardCharsets.UTF_8)
                + "&status=" + payment.status().wire();
    }

    /**
     * Whether the browser says the form came from this page's own site: a Sec-Fetch-Site other than
     * same-origin, or an Origin whose host is not the Host the request was sent to, is refused. A
     * browser that sends neither still needs the form token and its cookie.
     */
    private static boolean sameSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        int scheme = origin.indexOf("://");
        if (scheme <= 0) {
            return false;
        }
        String authority = origin.substring(scheme + 3);
        String host = request.getHeader("Host");
        if (host != null) {
            return authority.equalsIgnoreCase(host);
        }
        // HTTP/2 names the host in its :authority; Open Liberty then gives the servlet no Host
        // header, but its server name and port are that authority's.
        String server = request.getServerName();
        int port = request.getServerPort();
        return authority.equalsIgnoreCase(server + ":" + port)
                || (port == 80 || port == 443) && authority.equalsIgnoreCase(server);
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals(COOKIE)) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private static boolean matches(String a, String b) {
        return a != null
                && b != null
                && !a.isEmpty()
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The form's fields. The body has been read already, within the size and time limits of
     * {@code RequestBodyFilter}, and is handed over as the request's stream, which the container's
     * own parameter parsing does not see; so it is decoded here with the JDK's URL decoder.
     */
    private static Map<String, String> form(HttpServletRequest request) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                fields.putIfAbsent(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a field that is not URL-encoded is not one of the page's
            }
        }
        return fields;
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        write(
                response,
                404,
                HostedPageHtml.problem(
                        "Payment not found", "This address leads to no payment. Go back to the shop and try again."));
    }

    private static void write(HttpServletResponse response, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(bytes.length);
        noStore(response);
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(bytes);
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        // same-origin, not no-referrer: under no-referrer the browser sends the form's Origin as "null"
        response.setHeader("Referrer-Policy", "same-origin");
    }
}
