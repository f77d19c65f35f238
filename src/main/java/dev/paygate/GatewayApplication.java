package dev.paygate;

import dev.paygate.problems.ApiError;
import dev.paygate.problems.ApiResponses;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "paygate",
                        version = "1",
                        description = "A payment-gateway emulator: stateful, deterministic test payments, refunds and "
                                + "their transaction history. Card outcomes follow the test cards in the README.\n\n"
                                + "Authenticate with a merchant's secret key: `Authorization: Bearer sk_test_...` (or HTTP "
                                + "Basic with the key as user name). Every POST takes an `Idempotency-Key`. Each key may "
                                + "send 25 reads and 25 writes per second by default; every answer carries `RateLimit-*` "
                                + "headers. Errors have one shape: `{\"error\": {\"type\", \"code\", \"message\", \"param\", "
                                + "\"errors\"}}`; the codes are listed in docs/api.md."),
        servers = @Server(url = "/"),
        security = {@SecurityRequirement(name = "api_key"), @SecurityRequirement(name = "api_key_basic")},
        tags = {
            @Tag(name = "payments", description = "Create, read, list and cancel payments"),
            @Tag(name = "refunds", description = "Full and partial refunds"),
            @Tag(
                    name = "events",
                    description = "Every change a merchant can see, kept 30 days; deliveries and resends"),
            @Tag(
                    name = "webhooks",
                    description = "Endpoints that get the events, signed with Paygate-Signature (docs/webhooks.md)"),
            @Tag(name = "admin", description = "Merchants and their API keys, with the admin token"),
            @Tag(name = "health", description = "Database and broker checks; no key needed"),
            @Tag(
                    name = "testing",
                    description = "The test catalogue: which values make a payment end how; no key needed")
        },
        components =
                @Components(
                        responses = {
                            @APIResponse(
                                    name = ApiResponses.BAD_REQUEST,
                                    description = "Invalid request; `param` names the offending field",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = ApiError.SCHEMA))),
                            @APIResponse(
                                    name = ApiResponses.UNAUTHORIZED_REF,
                                    description = ApiResponses.UNAUTHORIZED,
                                    headers =
                                            @Header(
                                                    name = "WWW-Authenticate",
                                                    schema = @Schema(type = SchemaType.STRING)),
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = ApiError.SCHEMA))),
                            @APIResponse(
                                    name = ApiResponses.RATE_LIMITED_REF,
                                    description = ApiResponses.RATE_LIMITED,
                                    headers = {
                                        @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
                                        @Header(name = "RateLimit-Limit", schema = @Schema(type = SchemaType.INTEGER)),
                                        @Header(
                                                name = "RateLimit-Remaining",
                                                schema = @Schema(type = SchemaType.INTEGER)),
                                        @Header(name = "RateLimit-Reset", schema = @Schema(type = SchemaType.INTEGER))
                                    },
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = ApiError.SCHEMA))),
                            @APIResponse(
                                    name = ApiResponses.KEY_REUSED_REF,
                                    description = ApiResponses.KEY_REUSED,
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = ApiError.SCHEMA)))
                        }))
@SecurityScheme(
        securitySchemeName = "api_key",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "A merchant's secret key, `sk_test_...`")
@SecurityScheme(
        securitySchemeName = "api_key_basic",
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "The secret key as user name, empty password")
@SecurityScheme(
        securitySchemeName = "admin_token",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "PAYGATE_ADMIN_TOKEN, or the token printed at start-up")
public class GatewayApplication extends Application {

    /**
     * Jersey's settings (the other servers' RESTEasy ignores them): no WADL, which would describe
     * the framework, its version and every resource to anyone who asks with OPTIONS or at
     * /api/v1/application.wadl; and a relative Location stays relative, instead of being made
     * absolute with the request's Host header (dev.paygate.platform.PublicLocation).
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                "jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
