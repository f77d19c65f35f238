package dev.paygate.platform;

import dev.paygate.problems.ApiError;
import dev.paygate.problems.UnexpectedErrorMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

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
        write(request, status, response);
    }

    /**
     * Answers {@code status} in the one JSON error shape, the text from WEB-INF/errors. A 500 (or a
     * 5xx without a text of its own) is a failure of the gateway's: it is logged, with what was
     * thrown if anything was, under a reference that the answer names, as the API's own 500s are.
     */
    static void write(HttpServletRequest request, int status, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        // A default servlet answers 501 to PATCH, a method HTTP defines: for the client it is a
        // method this path does not allow.
        if (status == HttpServletResponse.SC_NOT_IMPLEMENTED && "PATCH".equals(method)) {
            status = HttpServletResponse.SC_METHOD_NOT_ALLOWED;
        }
        InputStream text = request.getServletContext().getResourceAsStream("/WEB-INF/errors/" + status + ".json");
        byte[] body;
        if (text != null) {
            try (InputStream in = text) {
                body = in.readAllBytes();
            }
        } else if (status >= 500) {
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            ApiError error = UnexpectedErrorMapper.internalError(
                    thrown instanceof Throwable t ? t : null,
                    method + " " + (uri != null ? uri : request.getRequestURI()));
            body = JsonbConfiguration.toJson(error).getBytes(StandardCharsets.UTF_8);
        } else {
            write(request, HttpServletResponse.SC_BAD_REQUEST, response);
            return;
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
