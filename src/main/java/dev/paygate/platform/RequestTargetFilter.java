package dev.paygate.platform;

import dev.paygate.problems.InvalidRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Checks the request target as it came on the wire, which only the servlet request still has.
 *
 * <p>A character that a URI never holds unescaped (a space, a quote, {@code <}, {@code >}, a brace,
 * a byte over 0x7f) is refused with a 400 at once: the servers' HTTP parsers let some through, and
 * a JAX-RS runtime that cannot then build the request's URI fails with a 500 (Open Liberty). A '%'
 * in the query without two hex digits after it (which a JAX-RS runtime's request URI may already
 * show as %25) is handed to {@link ParameterFilter}, which refuses it in its order with the other
 * parameter checks, naming the parameter. Declared in web.xml for every path, before the body is read.
 */
public class RequestTargetFilter extends HttpFilter {

    static final String REFUSED = RequestTargetFilter.class.getName() + ".refused";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        boolean badPath = !uriCharacters(request.getRequestURI());
        if (badPath || !uriCharacters(query)) {
            String part = badPath ? "path" : "query";
            RequestBodyFilter.answer(
                    response,
                    new InvalidRequest(
                            "parameter_invalid",
                            part,
                            "The " + part
                                    + " holds a character that a URI never holds unescaped (such as a space, a quote or <); percent-encode it."));
            return;
        }
        InvalidRequest invalid = ParameterFilter.badEscape(query);
        if (invalid != null) {
            request.setAttribute(REFUSED, invalid);
        }
        chain.doFilter(request, response);
    }

    /** True when {@code target} holds only characters RFC 3986 allows in a URI. */
    static boolean uriCharacters(String target) {
        if (target == null) {
            return true;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
