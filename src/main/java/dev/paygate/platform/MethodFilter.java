package dev.paygate.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Methods no path of the gateway serves answer 405 in the API's error shape, on every path:
 * TRACE and TRACK (never echoing the request, which a servlet's own TRACE does), CONNECT (the
 * gateway is no proxy), and a method in lower case (methods are case-sensitive, and {@code get} is
 * not GET, though some servlet containers would serve it as one). The API reference's files
 * ({@code /apidocs/}, {@code /webjars/}) are only read: other methods get 405 there too, where a
 * server's default servlet would otherwise serve the file to a PUT or DELETE. Declared in web.xml for all
 * paths; the servers pass TRACE on to the application (Payara Micro by its listener's
 * trace-enabled setting) so that this filter, not the HTTP layer's empty page, answers.
 */
public class MethodFilter extends HttpFilter {

    private static final String ALLOWED = "GET, POST, DELETE, OPTIONS";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        boolean staticFile = staticFile(request);
        if (served(method) && !(staticFile && !READS.contains(method))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Allow", staticFile ? "GET, HEAD, OPTIONS" : ALLOWED);
        ErrorAnswer.write(request, HttpServletResponse.SC_METHOD_NOT_ALLOWED, response);
    }

    private static boolean staticFile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/apidocs/") || path.equals("/apidocs") || path.startsWith("/webjars/");
    }

    private static boolean served(String method) {
        if ("TRACE".equalsIgnoreCase(method)
                || "TRACK".equalsIgnoreCase(method)
                || "CONNECT".equalsIgnoreCase(method)) {
            return false;
        }
        return method.chars().noneMatch(Character::isLowerCase);
    }
}
