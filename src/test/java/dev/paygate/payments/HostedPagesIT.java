package dev.paygate.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import dev.paygate.it.Browser;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The hosted page a customer is sent to while a payment is {@code requires_action}: 3-D Secure's
 * challenge and PayPal's approval, in headless Chromium ({@code it/Browser}), as a customer meets
 * them. Each payment names a return page of the merchant's own ({@link ReturnPage}); the page shows
 * what is paid, to whom and with what, its buttons settle the payment, and the browser arrives
 * back at the merchant with the payment's id and status. Screenshots of every page are in {@code
 * target/screenshots/}, and any console error fails the test.
 */
class HostedPagesIT extends AgainstGateway {

    static final String THREE_DS_CARD = "4000000000003220";
    static final String PAYPAL_ACCOUNT = "buyer@example.com";

    private ReturnPage merchantSite;

    @BeforeEach
    void startReturnPage() {
        merchantSite = new ReturnPage();
    }

    @AfterEach
    void stopReturnPage() {
        merchantSite.close();
    }

    @Test
    void aCompletedChallengeCompletesTheCardPayment() {
        JsonObject payment = customerAnswers("3ds-success", threeDSecurePayment(), "#succeed", "completed");
        assertTrue(payment.isNull("failure_code"), payment::toString);
        JsonObject secure = payment.getJsonObject("three_d_secure");
        assertEquals("challenge", secure.getString("flow"), payment::toString);
        assertEquals("authenticated", secure.getString("result"), payment::toString);
    }

    @Test
    void aFailedChallengeFailsTheCardPayment() {
        JsonObject payment = customerAnswers("3ds-failure", threeDSecurePayment(), "#fail", "failed");
        assertEquals("authentication_failed", payment.getString("failure_code"), payment::toString);
        JsonObject secure = payment.getJsonObject("three_d_secure");
        assertEquals("challenge", secure.getString("flow"), payment::toString);
        assertEquals("failed", secure.getString("result"), payment::toString);
    }

    @Test
    void anApprovalCompletesThePaypalPayment() {
        JsonObject payment = customerAnswers("paypal-approve", paypalPayment(), "#succeed", "completed", true);
        assertTrue(payment.isNull("failure_code"), payment::toString);
        assertTrue(payment.isNull("three_d_secure"), payment::toString);
    }

    @Test
    void aCancelFailsThePaypalPayment() {
        JsonObject payment = customerAnswers("paypal-cancel", paypalPayment(), "#fail", "failed");
        assertEquals("approval_cancelled", payment.getString("failure_code"), payment::toString);
        assertTrue(payment.isNull("three_d_secure"), payment::toString);
    }

    /**
     * Sends the customer to the payment's page, checks what it shows, presses {@code button} and
     * follows the browser back to the merchant; returns the payment as the API then reads it.
     */
    private JsonObject customerAnswers(String name, String request, String button, String finalStatus) {
        return customerAnswers(name, request, button, finalStatus, false);
    }

    /**
     * As above; with {@code keyboard}, the customer reaches the button with Tab alone and presses
     * Enter, as one who cannot use a mouse does.
     */
    private JsonObject customerAnswers(
            String name, String request, String button, String finalStatus, boolean keyboard) {
        String id;
        // The browser starts first: the build gives the customer 20 s to answer
        // (PAYGATE_AUTHENTICATION_TIMEOUT_SECONDS), and a browser can take seconds to start.
        try (Browser browser = new Browser()) {
            JsonObject waiting = awaitingAction(request);
            id = waiting.getString("id");
            boolean card = waiting.getString("payment_method").equals("credit_card");
            browser.open(pageAddress(waiting));
            browser.screenshot(name + "-page");
            String text = browser.text();
            assertTrue(text.contains("42.50") && text.contains("EUR"), () -> "the amount: " + text);
            assertTrue(text.contains("Test " + merchant), () -> "the merchant's name: " + text);
            if (card) {
                String brand = waiting.getString("card_brand");
                assertTrue(
                        text.toLowerCase(Locale.ROOT).contains(brand), () -> "the card's brand " + brand + ": " + text);
                assertTrue(
                        Pattern.compile("••••[\\s\\u00a0]*3220").matcher(text).find(),
                        () -> "the card's last four, as •••• 3220: " + text);
                assertFalse(browser.driver().getPageSource().contains(THREE_DS_CARD), "the full card number");
                assertEquals("Complete authentication", browser.find("#succeed").getText());
                assertEquals("Fail authentication", browser.find("#fail").getText());
            } else {
                assertTrue(text.contains(PAYPAL_ACCOUNT), () -> "the PayPal account: " + text);
                assertEquals("Approve payment", browser.find("#succeed").getText());
                assertEquals("Cancel", browser.find("#fail").getText());
            }
            assertTrue(browser.has("form[method=post] input[type=hidden][name=form_token]"), "the form's token");
            assertEquals("success", browser.find("#succeed").getDomAttribute("value"));
            assertEquals("failure", browser.find("#fail").getDomAttribute("value"));
            browser.phoneScreenshot(name + "-phone");

            assertEquals("en", browser.find("html").getDomAttribute("lang"), "the page's language");
            assertEquals(
                    1, browser.driver().findElements(By.cssSelector("main h1")).size(), "one heading");
            if (keyboard) {
                WebElement target = browser.find(button);
                for (int tab = 0;
                        tab < 10 && !target.equals(browser.driver().switchTo().activeElement());
                        tab++) {
                    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
                }
                assertEquals(target, browser.driver().switchTo().activeElement(), "the button is reached with Tab");
                browser.screenshot(name + "-focused");
                new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            } else {
                browser.find(button).click();
            }
            browser.await(ExpectedConditions.urlContains(merchantSite.origin() + "/return?"));
            browser.await(ExpectedConditions.presenceOfElementLocated(By.id("query")));
            browser.screenshot(name + "-return");

            List<String> arrived = merchantSite.requests();
            assertEquals(1, arrived.size(), arrived::toString);
            Map<String, String> query = ReturnPage.parameters(arrived.get(0));
            assertEquals("o1", query.get("order"), arrived::toString);
            assertEquals(id, query.get("payment_id"), arrived::toString);
            assertEquals(finalStatus, query.get("status"), arrived::toString);
            assertTrue(browser.url().endsWith("?" + arrived.get(0)), browser::url);
            browser.assertNoConsoleErrors();
        }
        JsonObject settled = api.get("/api/v1/payments/" + id).json();
        assertEquals(finalStatus, settled.getString("status"), settled::toString);
        assertTrue(settled.isNull("next_action"), settled::toString);
        assertEquals(merchantSite.returnUrl(), settled.getString("return_url"), settled::toString);
        return settled;
    }

    @Test
    void aPageOpenedAgainAfterTheAnswerSaysSoAndOffersNoButtons() {
        JsonObject waiting = awaitingAction(threeDSecurePayment());
        String id = waiting.getString("id");
        String page = pageAddress(waiting);
        Api.Reply answered = api.post("/api/v1/test/payments/" + id + "/authenticate", "{\"result\": \"success\"}");
        assertEquals(2, answered.status() / 100, answered::toString);
        api.awaitStatus(id, "completed");

        HttpResponse<String> again =
                send(HttpRequest.newBuilder(URI.create(page)).GET());
        assertEquals(200, again.statusCode(), again::body);
        assertEquals(
                "text/html",
                again.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .split(";")[0]
                        .trim());
        try (Browser browser = new Browser()) {
            browser.open(page);
            browser.screenshot("3ds-answered-page");
            String text = browser.text();
            assertTrue(text.toLowerCase(Locale.ROOT).contains("completed"), () -> "the payment's status: " + text);
            assertFalse(browser.has("#succeed"), text);
            assertFalse(browser.has("#fail"), text);
            browser.assertNoConsoleErrors();
        }
        assertTrue(merchantSite.requests().isEmpty(), merchantSite.requests()::toString);
        assertEquals("completed", api.get("/api/v1/payments/" + id).json().getString("status"));
    }

    @Test
    void aPostFromAnotherSiteOrWithoutTheCookieIsRefused() {
        JsonObject waiting = awaitingAction(threeDSecurePayment());
        String id = waiting.getString("id");
        URI page = URI.create(pageAddress(waiting));
        String ownOrigin = page.getScheme() + "://" + page.getRawAuthority();

        HttpResponse<String> crossSite = postForm(page, "http://evil.example", null, "result=success&form_token=x");
        assertEquals(403, crossSite.statusCode(), crossSite::body);

        HttpResponse<String> noCookie = postForm(page, ownOrigin, null, "result=success&form_token=x");
        assertEquals(403, noCookie.statusCode(), noCookie::body);

        HttpResponse<String> shown = send(HttpRequest.newBuilder(page).GET());
        assertEquals(200, shown.statusCode(), shown::body);
        List<String> setCookies = shown.headers().allValues("Set-Cookie");
        assertTrue(
                setCookies.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains("samesite=strict")),
                () -> "the form's cookie, SameSite=Strict: " + setCookies);
        String cookie = setCookies.stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
        String token = formToken(shown.body());
        HttpResponse<String> forged = postForm(
                page,
                "http://evil.example",
                cookie,
                "result=success&form_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertEquals(403, forged.statusCode(), () -> "with the page's own cookie and token: " + forged.body());

        JsonObject after = api.get("/api/v1/payments/" + id).json();
        assertEquals("requires_action", after.getString("status"), after::toString);
        assertTrue(after.getJsonObject("three_d_secure").isNull("result"), after::toString);
    }

    // ---------------------------------------------------------------------------------------------

    private String threeDSecurePayment() {
        return Api.cardPayment(
                merchant, "42.50", THREE_DS_CARD, Map.of("currency", "EUR", "return_url", merchantSite.returnUrl()));
    }

    private String paypalPayment() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("merchant_id", merchant);
        fields.put("order_id", Api.order());
        fields.put("amount", new BigDecimal("42.50"));
        fields.put("currency", "EUR");
        fields.put("payment_method", "paypal");
        fields.put("customer_email", PAYPAL_ACCOUNT);
        fields.put("customer_name", "John Doe");
        fields.put("description", "Test payment");
        fields.put("return_url", merchantSite.returnUrl());
        return Api.toJson(fields);
    }

    /** Creates the payment and waits until it waits for the customer; returns it then. */
    private JsonObject awaitingAction(String request) {
        Api.Reply created = api.post("/api/v1/payments", request);
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        JsonObject payment = api.awaitAnswered(id);
        assertEquals("requires_action", payment.getString("status"), payment::toString);
        assertEquals(merchantSite.returnUrl(), payment.getString("return_url"), payment::toString);
        JsonObject next = payment.getJsonObject("next_action");
        assertNotNull(next, payment::toString);
        assertEquals("redirect_to_url", next.getString("type"), payment::toString);
        assertEquals(
                merchantSite.returnUrl(),
                next.getJsonObject("redirect_to_url").getString("return_url"),
                payment::toString);
        if (payment.getString("payment_method").equals("credit_card")) {
            JsonObject secure = payment.getJsonObject("three_d_secure");
            assertEquals("challenge", secure.getString("flow"), payment::toString);
            assertTrue(secure.isNull("result"), payment::toString);
        }
        return payment;
    }

    /**
     * The hosted page's address: {@code /pay/<payment id>/<token>} on the gateway. The build leaves
     * PAYGATE_PUBLIC_BASE_URL unset, so the address is on the default http://localhost:8080, while
     * Arquillian starts the server on a port of its choosing: the browser goes to the same path on
     * the server's real address, as it would with the base URL set to it.
     */
    private String pageAddress(JsonObject payment) {
        String url = payment.getJsonObject("next_action")
                .getJsonObject("redirect_to_url")
                .getString("url");
        URI address = URI.create(url);
        assertTrue(
                address.getPath().matches("/pay/" + payment.getString("id") + "/[^/]+"),
                () -> "the page's address: " + url);
        assertTrue(url.startsWith("http://localhost:8080/pay/"), url);
        return base.toString().replaceAll("/+$", "") + address.getPath();
    }

    private static String formToken(String html) {
        Matcher input = Pattern.compile("<input[^>]*name=\"form_token\"[^>]*>").matcher(html);
        assertTrue(input.find(), () -> "the form's token: " + html);
        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
        assertTrue(value.find(), input::group);
        return value.group(1);
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static HttpResponse<String> postForm(URI page, String origin, String cookie, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The merchant's return page on 127.0.0.1: it records the query of every request and answers
     * with a small page that shows it (in {@code #query}), and with an icon of its own so that the
     * browser asks for no {@code /favicon.ico}.
     */
    static final class ReturnPage implements AutoCloseable {

        private final HttpServer server;
        private final List<String> queries = new CopyOnWriteArrayList<>();

        ReturnPage() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::answer);
            server.start();
        }

        String origin() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** The return_url the payments name: it has a query of its own, which must be kept. */
        String returnUrl() {
            return origin() + "/return?order=o1";
        }

        /** The raw query of every request so far ({@code path?query} for any other path than /return). */
        List<String> requests() {
            return List.copyOf(queries);
        }

        private void answer(HttpExchange exchange) throws IOException {
            URI uri = exchange.getRequestURI();
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            queries.add(uri.getRawPath().equals("/return") ? query : uri.getRawPath() + "?" + query);
            byte[] page = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                            + "<title>Back at the shop</title><link rel=\"icon\" href=\"data:,\"></head>"
                            + "<body><h1>Back at the shop</h1><p id=\"query\">" + escape(query)
                            + "</p></body></html>\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (var body = exchange.getResponseBody()) {
                body.write(page);
            }
        }

        /** The parameters of a raw query, decoded; a name must not be given twice. */
        static Map<String, String> parameters(String rawQuery) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] nameValue = pair.split("=", 2);
                String name = URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8);
                String value = nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "";
                assertNull(parameters.put(name, value), () -> name + " twice in " + rawQuery);
            }
            return parameters;
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
