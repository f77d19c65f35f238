package dev.paygate.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * TRACE (and TRACK) answer 405 in the API's error shape, on every path, and never echo the
 * request, which a servlet's own TRACE does. CONNECT, when a server passes it on, gets the same
 * 405: the gateway is no proxy. Declared in web.xml for all paths; the servers pass
 * TRACE on to the application (Payara Micro by its listener's trace-enabled setting) so that this
 * filter, not the HTTP layer's empty page, answers.
 */
public class TraceFilter extends HttpFilter {

    static final String ALLOWED = "GET, POST, OPTIONS";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (!"TRACE".equalsIgnoreCase(method) && !"TRACK".equalsIgnoreCase(method) && !"CONNECT".equalsIgnoreCase(method)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Allow", ALLOWED);
        ErrorAnswer.write(getServletContext(), method, HttpServletResponse.SC_METHOD_NOT_ALLOWED, response);
    }
}
