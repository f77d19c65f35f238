package dev.paygate.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameters of {@code Accept} that the JAX-RS runtimes would fail on are dropped, so that the
 * answer comes as if they had not been sent: a {@code charset} this Java does not know (the runtime
 * would fail to write the answer in it; without one the answer is UTF-8), and a {@code q} weight
 * that is not a number from 0 to 1 with at most three decimals (some runtimes fail to parse it).
 */
@Provider
@PreMatching
public class AcceptFilter implements ContainerRequestFilter {

    private static final Pattern CHARSET = parameter("charset");
    private static final Pattern WEIGHT = parameter("q");
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.indexOf('=') < 0) {
            return;
        }
        String kept = cleaned(accept);
        if (!kept.equals(accept)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, kept);
        }
    }

    /** {@code accept} without the parameters the runtimes would fail on. */
    static String cleaned(String accept) {
        return drop(
                drop(accept, CHARSET, AcceptFilter::known),
                WEIGHT,
                q -> QVALUE.matcher(q).matches());
    }

    private static Pattern parameter(String name) {
        return Pattern.compile(";\\s*" + name + "\\s*=\\s*\"?([^;,\"]*)\"?\\s*", Pattern.CASE_INSENSITIVE);
    }

    /** {@code accept} without the parameters {@code pattern} finds whose value is not {@code valid}. */
    private static String drop(String accept, Pattern pattern, Predicate<String> valid) {
        Matcher parameter = pattern.matcher(accept);
        StringBuilder kept = new StringBuilder();
        while (parameter.find()) {
            boolean keep = valid.test(parameter.group(1).trim());
            parameter.appendReplacement(kept, keep ? Matcher.quoteReplacement(parameter.group()) : "");
        }
        parameter.appendTail(kept);
        return kept.toString();
    }

    static boolean known(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
