package dev.paygate.platform;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /apidocs}, the API reference's address, redirects to {@code /apidocs/} with a
 * {@code Location} of its own ({@link PublicLocation}). The web container's redirect of a directory
 * would be absolute on the request's Host header, which the client chooses (on WildFly before any
 * filter runs); mapped to this exact path in web.xml, it never happens here.
 */
public class ApiDocsRedirect extends HttpServlet {

    @Inject
    PublicLocation locations;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(PublicLocation.HEADER, locations.of(request.getContextPath() + "/apidocs/"));
        response.setContentLength(0);
    }
}
