package dev.paygate.platform;

import static dev.paygate.it.RawHttp.assertNoFrameworkNames;
import static dev.paygate.it.RawHttp.assertOneShape;
import static dev.paygate.it.RawHttp.assertRefusedByParser;
import static dev.paygate.it.RawHttp.request;
import static dev.paygate.it.RawHttp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import dev.paygate.it.RawHttp;
import dev.paygate.it.RawHttp.Answer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or broken client sends below the API: malformed HTTP, TRACE, OPTIONS, the WADL,
 * a forged Host, control characters in parameters, an unknown charset. Every answer has the right
 * status, no name of the server or framework, and the one error shape wherever the server lets an
 * application shape it (see the README's server notes for Payara Micro's parser).
 */
class HttpEdgesIT extends AgainstGateway {

    private URI root() {
        return URI.create(base.toString());
    }

    @Test
    void theEdgesEveryServerHandlesAlike() {
        RawHttp.assertEdges(root(), api.key(), merchant);
    }

    @Test
    void traceIsRefusedInTheErrorShapeAndNeverEchoed() {
        for (String path : List.of("/api/v1/payments", "/apidocs/", "/no/such/page")) {
            Answer trace =
                    send(root(), request("TRACE", path, "Authorization: Bearer " + api.key(), "X-Secret: echo-me"));
            assertEquals("method_not_allowed", assertOneShape(trace, 405).getString("code"), trace::toString);
            assertFalse(trace.body().contains("echo-me") || trace.body().contains(api.key()), trace::toString);
        }
    }

    @Test
    void optionsNeedsNoKeyAndNamesTheMethodsOnly() {
        Answer options = send(root(), request("OPTIONS", "/api/v1/payments/pay_1/refund"));
        assertEquals(204, options.status(), options::toString);
        assertTrue(options.header("allow").contains("POST"), options::toString);
        assertTrue(options.body().isEmpty(), options::toString);
        // A browser's preflight still gets the CORS answer.
        Answer preflight = send(
                root(),
                request(
                        "OPTIONS",
                        "/api/v1/payments",
                        "Origin: https://shop.example.com",
                        "Access-Control-Request-Method: POST"));
        assertEquals(204, preflight.status(), preflight::toString);
        assertEquals("https://shop.example.com", preflight.header("access-control-allow-origin"));
    }

    @Test
    void noWadlAnywhere() {
        assertOneShape(
                send(root(), request("GET", "/api/v1/application.wadl", "Authorization: Bearer " + api.key())), 404);
        assertOneShape(send(root(), request("GET", "/api/v1/application.wadl?detail=true")), 404);
        Answer openapiWadl = send(root(), request("GET", "/openapi/application.wadl"));
        assertEquals(404, openapiWadl.status(), openapiWadl::toString);
        assertNoFrameworkNames(openapiWadl);
        assertNoFrameworkNames(send(root(), request("GET", "/api/v1/health")));
    }

    @Test
    void locationNeverFollowsTheHostHeader() {
        Api.Reply refundable =
                api.post("/api/v1/payments", Api.cardPayment(merchant, "5.00", "4111111111111111", Map.of()));
        String id = refundable.json().getString("id");
        api.awaitStatus(id, "completed");
        Answer refund = send(
                root(),
                "POST /api/v1/payments/" + id + "/refund HTTP/1.1\r\nHost: evil.example.com:443\r\n"
                        + "Authorization: Bearer " + api.key() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertEquals(202, refund.status(), refund::toString);
        assertTrue(refund.header("location").startsWith("/api/v1/refunds/re"), refund::toString);
    }

    @Test
    void controlCharactersAndInvalidUtf8InParametersAreNamed400s() {
        String auth = "Authorization: Bearer " + api.key();
        for (String query : List.of(
                "starting_after=pay_%00x",
                "starting_after=%7F",
                "status=completed%0D%0AX-Injected:%201",
                "limit=1%00",
                "merchant_id=" + merchant + "%00",
                "starting_after=%E2%82")) {
            Answer answer = send(root(), request("GET", "/api/v1/payments?" + query, auth));
            String param = query.substring(0, query.indexOf('='));
            assertEquals(param, assertOneShape(answer, 400).getString("param"), answer::toString);
            assertEquals("parameter_invalid", answer.error().getString("code"));
            assertFalse(answer.headers().containsKey("x-injected"), answer::toString);
        }
        for (String path :
                List.of("/api/v1/payments/pay_%01", "/api/v1/payments/pay_%7F/refunds", "/api/v1/refunds/re_%1F")) {
            Answer answer = send(root(), request("GET", path, auth));
            assertEquals("id", assertOneShape(answer, 400).getString("param"), answer::toString);
        }
        Answer longId = send(
                root(), request("POST", "/api/v1/payments/" + "9".repeat(4000) + "/cancel", auth, "Content-Length: 0"));
        assertEquals("id", assertOneShape(longId, 400).getString("param"), longId::toString);
    }

    /**
     * Payara Micro decodes and checks the request path before any application code runs: a NUL,
     * bytes that are not UTF-8, a backslash or a path that climbs above the root are refused there
     * with a 400 and no body, and an invalid percent-encoding (%zz) is answered with an empty 200
     * without reaching the application (README, server notes). None of them does anything.
     */
    @Test
    void pathsTheServerRefusesBeforeTheApplicationDoNothing() {
        String auth = "Authorization: Bearer " + api.key();
        Api.Reply payment =
                api.post("/api/v1/payments", Api.cardPayment(merchant, "5.00", "4111111111111111", Map.of()));
        String id = payment.json().getString("id");
        api.awaitStatus(id, "completed");
        for (String path : List.of(
                "/api/v1/payments/" + id + "%00/refund",
                "/api/v1/payments/" + id + "%FF/refund",
                "/api/v1/payments/..%5C" + id + "/refund",
                "/../api/v1/payments/" + id + "/refund")) {
            Answer answer = send(root(), request("POST", path, auth, "Content-Length: 0"));
            assertRefusedByParser(answer, 400);
        }
        for (String path : List.of(
                "/api/v1/payments/%zz/refund",
                "/api/v1/payments/" + id + "%zz/refund", "/api/v1/payments/" + id + "%")) {
            Answer answer = send(root(), request("POST", path, auth, "Content-Length: 0"));
            if (answer.status() == 200) {
                assertTrue(answer.body().isEmpty(), answer::toString);
                assertNoFrameworkNames(answer);
            } else {
                assertRefusedByParser(answer, 400);
            }
        }
        assertEquals("completed", api.get("/api/v1/payments/" + id).json().getString("status"), "nothing was refunded");
        assertEquals(0, api.get("/api/v1/payments/" + id + "/refunds").array().size(), "nothing was refunded");
    }

    @Test
    void malformedHttpIsRefusedWithTheRightStatusAndNoServerPage() {
        URI root = root();
        assertRefusedByParser(send(root, request("GET", "/api/v1/health", "X-Bad: a\u0000b")), 400);
        RawHttp.assertRefusedOrAnswered(send(root, request("GET", "/api/v1/health", "X-Bad: a\u007fb")), 400, 200);
        assertRefusedByParser(send(root, request("POST", "/api/v1/payments", "Content-Length: -1")), 400);
        RawHttp.assertRefusedOrAnswered(
                send(root, request("POST", "/api/v1/payments", "Content-Length: 1", "Content-Length: 2")), 400, 401);
        assertRefusedByParser(send(root, request("GET", "/api/v1/payments/" + "9".repeat(20_000))), 400);
        Answer chunkExtension = send(
                root,
                "POST /api/v1/payments HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                        + "Content-Type: application/json\r\nConnection: close\r\n\r\n2;name=value\r\n{}\r\n0\r\n\r\n");
        assertRefusedByParser(chunkExtension, chunkExtension.status() == 401 ? 401 : 400);
        // Still answering.
        assertEquals(200, api.get("/api/v1/health").status());
    }

    @Test
    void anUnknownCharsetInAcceptIsIgnored() {
        for (String accept : List.of(
                "application/json; charset=foo",
                "application/json;charset=\"x-unknown\", */*;q=0.1",
                "*/*; charset=;;")) {
            Answer answer = send(
                    root(),
                    request(
                            "GET",
                            "/api/v1/payments?limit=1",
                            "Authorization: Bearer " + api.key(),
                            "Accept: " + accept));
            assertEquals(200, answer.status(), answer::toString);
            assertTrue(answer.body().startsWith("{\"data\""), answer::toString);
        }
    }
}
