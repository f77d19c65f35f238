package dev.paygate.platform;

import dev.paygate.problems.GatewayException;
import dev.paygate.problems.PayloadTooLarge;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads request bodies without holding a request thread, within a size limit and a deadline.
 *
 * <p>Request threads are few (16 by default), and a resource that reads its body as a stream holds
 * one for as long as the client takes to send it: a handful of clients sending a byte a second
 * would stop the gateway. So bodies are read here, with the servlet container's non-blocking I/O:
 * no thread waits for bytes. Once a body is complete the request is dispatched again with the body
 * in memory, where the API reads it. A body that is not complete within
 * {@code paygate.http.body.timeout.ms} of the headers is answered 408; one over 64 KiB, 413. A
 * body that arrives with its headers is passed on in the same thread.
 *
 * <p>{@code paygate.http.body.arrival.wait.ms} (0 by default) lets the request's thread wait that
 * long for a body still arriving right behind its headers, and pass it on itself: Open Liberty
 * sometimes loses a request dispatched from the body's reader (the dispatch finds the request
 * already finished, and the client gets an empty 200), so its server.xml sets 50. Servers that
 * hand the body over only once the filter has returned gain nothing from a wait, and keep 0.
 */
@WebFilter(
        urlPatterns = {"/api/v1/*", "/pay/*"},
        asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class RequestBodyFilter implements Filter {

    public static final int LIMIT = 64 * 1024;
    /**
     * A body announced or sent over the limit is still read and dropped up to this size before the
     * 413: a client that is still sending (over HTTP/2, one waiting for flow-control credit) would
     * otherwise never read the answer. Beyond it, the 413 goes at once.
     */
    static final long DRAINED_AT_MOST = 1024 * 1024;

    static final String BODY = RequestBodyFilter.class.getName() + ".body";

    @Inject
    Instance<RequestContextController> requestContexts;

    @Inject
    @ConfigProperty(name = "paygate.http.body.timeout.ms", defaultValue = "10000")
    long timeoutMillis;

    @Inject
    @ConfigProperty(name = "paygate.http.body.arrival.wait.ms", defaultValue = "0")
    long arrivalWaitMillis;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            if (request.getAttribute(BODY) instanceof BufferedBody body) {
                passOnLater(body.wrap(request), new ShapedErrors(request, (HttpServletResponse) res), chain);
            } else {
                chain.doFilter(req, res);
            }
            return;
        }
        long length = request.getContentLengthLong();
        // Without a length, a body may still come chunked; some servers do not show the
        // Transfer-Encoding header to the application, so a POST is read here either way.
        if (length == 0
                || length < 0
                        && request.getHeader("Transfer-Encoding") == null
                        && !"POST".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        if (length > DRAINED_AT_MOST) {
            answer((HttpServletResponse) res, new PayloadTooLarge(LIMIT));
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(timeoutMillis);
        BodyReader reader = new BodyReader(async, request.getInputStream(), length, timeoutMillis, arrivalWaitMillis);
        async.addListener(reader);
        request.getInputStream().setReadListener(reader);
        BufferedBody body = reader.bodyArrived();
        if (body != null) {
            try {
                chain.doFilter(body.wrap(request), new ShapedErrors(request, (HttpServletResponse) res));
            } finally {
                async.complete();
            }
        }
    }

    /**
     * A body that took longer than its headers is passed on in a dispatch of its own. Some servers
     * (Payara) run that dispatch without the request's CDI context; it is then opened here.
     */
    private void passOnLater(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestContextController context = requestContexts.get();
        boolean opened = context.activate();
        try {
            chain.doFilter(request, response);
        } finally {
            if (opened) {
                context.deactivate();
            }
            requestContexts.destroy(context);
        }
    }

    /**
     * Answers in the API's one error shape and asks the client to close the connection: after a
     * refused body, what it still sends is not worth reading.
     */
    static void answer(HttpServletResponse response, GatewayException error) throws IOException {
        byte[] json = JsonbConfiguration.toJson(error.toApiError()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(error.type().status());
        response.setContentType("application/json");
        response.setContentLength(json.length);
        response.setHeader("Connection", "close");
        response.getOutputStream().write(json);
    }

    /**
     * While a request is asynchronous, containers do not apply the error pages to what a servlet
     * answers with {@code sendError} (Payara answered an empty 400 or 404): here such an answer
     * is written in the one JSON error shape at once, as the error page would have.
     */
    private static final class ShapedErrors extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        ShapedErrors(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            if (isCommitted()) {
                super.sendError(status);
                return;
            }
            resetBuffer();
            ErrorAnswer.write(request, status, (HttpServletResponse) getResponse());
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            sendError(status);
        }
    }
}
