package dev.paygate.payments.boundary;

import dev.paygate.payments.entity.TestCard;
import dev.paygate.payments.entity.TestIban;
import dev.paygate.payments.entity.TestPaypalAccount;
import dev.paygate.platform.Unauthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The test catalogue: every value that decides how a payment ends, with that end. Public, like a
 * gateway's testing page, so a checkout's tests can read it instead of copying numbers.
 */
@Path("test/scenarios")
@Unauthenticated
@ApplicationScoped
@Tag(name = "testing")
@Produces(MediaType.APPLICATION_JSON)
public class TestScenariosResource {

    /** Every trigger, cards first, then IBANs, then PayPal accounts; the README lists them in this order. */
    static final List<TestScenario> ENTRIES = Stream.of(
                    Arrays.stream(TestCard.values()).map(TestScenario::of),
                    Arrays.stream(TestIban.values()).map(TestScenario::of),
                    Arrays.stream(TestPaypalAccount.values()).map(TestScenario::of))
            .flatMap(s -> s)
            .toList();

    private static final Map<String, List<TestScenario>> CATALOGUE = Map.of("data", ENTRIES);

    @GET
    @Operation(operationId = "listTestScenarios", summary = "The test catalogue: the triggers and their outcomes")
    @SecurityRequirementsSet({})
    @APIResponse(
            responseCode = "200",
            description = "`{\"data\": [TestScenario…]}`",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TestScenario.class)))
    public Map<String, List<TestScenario>> list() {
        return CATALOGUE;
    }
}
