package dev.paygate.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The packaged WAR, byte for byte what users deploy. */
public final class Gateway {

    private Gateway() {}

    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(
                WebArchive.class, new File(System.getProperty("paygate.war", "target/paygate.war")));
    }
}
