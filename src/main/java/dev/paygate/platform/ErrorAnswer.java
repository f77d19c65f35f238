package dev.paygate.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * The error page of every status web.xml lists: the one JSON error shape, whatever the method of
 * the request that failed. An error dispatch keeps the original method, and a container's default
 * servlet refuses PUT, DELETE or PATCH on a static file again (an empty 403 or 501); this servlet
 * answers all of them. The texts stay in WEB-INF/errors/&lt;status&gt;.json; called directly, it is the
 * 404 of a route that does not exist.
 */
public class ErrorAnswer extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = HttpServletResponse.SC_NOT_FOUND;
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
            status = code;
        }
        write(getServletContext(), request.getMethod(), status, response);
    }

    /** Answers {@code status} in the one JSON error shape, the text from WEB-INF/errors. */
    static void write(ServletContext context, String method, int status, HttpServletResponse response)
            throws IOException {
        // A default servlet answers 501 to PATCH, a method HTTP defines: for the client it is a
        // method this path does not allow.
        if (status == HttpServletResponse.SC_NOT_IMPLEMENTED && "PATCH".equals(method)) {
            status = HttpServletResponse.SC_METHOD_NOT_ALLOWED;
        }
        InputStream body = context.getResourceAsStream("/WEB-INF/errors/" + status + ".json");
        if (body == null) {
            status = status >= 500 ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : HttpServletResponse.SC_BAD_REQUEST;
            body = context.getResourceAsStream("/WEB-INF/errors/" + status + ".json");
        }
        byte[] bytes;
        try (InputStream in = body) {
            bytes = in.readAllBytes();
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
