package dev.paygate.platform;

import dev.paygate.problems.PayloadTooLarge;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Request bodies are read into records by {@link JsonRequests}, with its strict, named errors. */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class RequestRecordReader implements MessageBodyReader<Record> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream entity)
            throws IOException {
        // The body reader has bounded the body already; this bounds it again wherever it came from.
        byte[] body = entity.readNBytes(RequestBodyFilter.LIMIT + 1);
        if (body.length > RequestBodyFilter.LIMIT) {
            throw new PayloadTooLarge(RequestBodyFilter.LIMIT);
        }
        return JsonRequests.read(body, (Class) type);
    }
}
