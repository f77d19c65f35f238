package dev.paygate.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives the packaged WAR, deployed by Arquillian to a managed Payara Micro, through
 * its public API, as a merchant of its own that no other test uses.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class AgainstGateway {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Gateway.war();
    }

    @ArquillianResource
    protected URL base;

    protected Api api;
    protected String merchant;

    @BeforeEach
    void connect() {
        api = new Api(base);
        merchant = Api.merchant();
    }
}
