package dev.paygate.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code charset} parameter in {@code Accept} that this Java does not know is dropped, so that
 * the answer comes in UTF-8 as if none had been asked for; the JAX-RS runtimes would otherwise fail
 * to write the answer in it.
 */
@Provider
@PreMatching
public class AcceptFilter implements ContainerRequestFilter {

    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^;,\"]*)\"?\\s*", Pattern.CASE_INSENSITIVE);

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.indexOf('=') < 0) {
            return;
        }
        Matcher charset = CHARSET.matcher(accept);
        StringBuilder kept = new StringBuilder();
        boolean changed = false;
        while (charset.find()) {
            boolean known = known(charset.group(1).trim());
            changed |= !known;
            charset.appendReplacement(kept, known ? Matcher.quoteReplacement(charset.group()) : "");
        }
        if (changed) {
            charset.appendTail(kept);
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, kept.toString());
        }
    }

    static boolean known(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
