package dev.paygate.platform;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/**
 * Answers are written with blocking I/O, in the thread that handles the request. A request with a
 * body is already asynchronous when the API sees it in the thread it came in on ({@link
 * RequestBodyFilter}); RESTEasy (WildFly, Open Liberty) would write a text or byte entity, such as
 * an idempotent replay, with non-blocking I/O, which starts the request's asynchronous mode again
 * and fails ("Already suspended", a 500). RESTEasy writes without blocking only when every writer
 * interceptor allows it, which this one, a plain one, does not; Jersey (Payara) writes blocking anyway.
 */
@Provider
public class BlockingWrites implements WriterInterceptor {

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        context.proceed();
    }
}
