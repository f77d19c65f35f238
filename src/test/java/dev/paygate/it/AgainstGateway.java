package dev.paygate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives the packaged WAR, deployed by Arquillian to a managed Payara Micro, through
 * its public API, as a merchant of its own that no other test uses, made with the admin API.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class AgainstGateway {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Gateway.war();
    }

    @ArquillianResource
    protected URL base;

    /** The admin API, with the token the build gives the gateway. */
    protected Api admin;
    /** The API as {@link #merchant}, with its secret key. */
    protected Api api;

    protected String merchant;

    @BeforeEach
    void connect() {
        admin = new Api(base, System.getProperty("paygate.it.admin.token"));
        merchant = Api.merchant();
        api = new Api(base, createMerchant(merchant));
    }

    /** Creates a merchant and its first key; returns the key's secret. */
    protected String createMerchant(String id) {
        Api.Reply created =
                admin.post("/api/v1/admin/merchants", "{\"id\":\"" + id + "\",\"name\":\"Test " + id + "\"}");
        assertEquals(201, created.status(), created::toString);
        return issueKey(id);
    }

    protected String issueKey(String merchantId) {
        Api.Reply key = admin.post("/api/v1/admin/merchants/" + merchantId + "/keys", null);
        assertEquals(201, key.status(), key::toString);
        return key.json().getString("secret");
    }
}
