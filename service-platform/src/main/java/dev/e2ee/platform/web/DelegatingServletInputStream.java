package dev.e2ee.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A {@link ServletInputStream} reading from another stream, keeping the original's async state. */
class DelegatingServletInputStream extends ServletInputStream {

    private final ServletInputStream original;
    private final InputStream source;

    DelegatingServletInputStream(ServletInputStream original) {
        this(original, original);
    }

    DelegatingServletInputStream(ServletInputStream original, InputStream source) {
        this.original = original;
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        return source.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return source.read(buffer, offset, length);
    }

    @Override
    public int available() throws IOException {
        return source.available();
    }

    @Override
    public boolean isFinished() {
        return original.isFinished();
    }

    @Override
    public boolean isReady() {
        return original.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        original.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
