package dev.paygate.platform;

import dev.paygate.problems.InvalidRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Reads the query as it came on the wire, which only the servlet request still has (a JAX-RS
 * runtime's request URI may already show a stray '%' as %25), and hands a '%' without two hex
 * digits to {@link ParameterFilter}, which refuses it in its order with the other parameter checks.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class QueryEscapeFilter extends HttpFilter {

    static final String REFUSED = QueryEscapeFilter.class.getName() + ".refused";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        InvalidRequest invalid = ParameterFilter.badEscape(request.getQueryString());
        if (invalid != null) {
            request.setAttribute(REFUSED, invalid);
        }
        chain.doFilter(request, response);
    }
}
