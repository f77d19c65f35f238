package dev.paygate.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A request body read in full, served to the API as the request's own input stream. */
record BufferedBody(byte[] bytes, int size) {

    HttpServletRequest wrap(HttpServletRequest request) {
        Stream stream = new Stream();
        return new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                return stream;
            }

            @Override
            public BufferedReader getReader() {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                return new BufferedReader(new InputStreamReader(stream, charset));
            }
        };
    }

    private final class Stream extends ServletInputStream {
        private int position;

        @Override
        public int read() {
            return position < size ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= size) {
                return -1;
            }
            int n = Math.min(length, size - position);
            System.arraycopy(bytes, position, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public byte[] readAllBytes() {
            byte[] rest = Arrays.copyOfRange(bytes, position, size);
            position = size;
            return rest;
        }

        @Override
        public int available() {
            return size - position;
        }

        @Override
        public boolean isFinished() {
            return position >= size;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            try {
                listener.onDataAvailable();
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
