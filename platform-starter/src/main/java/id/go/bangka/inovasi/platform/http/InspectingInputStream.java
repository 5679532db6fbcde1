package id.go.bangka.inovasi.platform.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/** A request body stream that shows every chunk read, and the end, to a check that may stop the read. */
abstract class InspectingInputStream extends ServletInputStream {

    private final ServletInputStream delegate;

    InspectingInputStream(ServletInputStream delegate) {
        this.delegate = delegate;
    }

    /** Sees the bytes just read; throws to stop the read. */
    abstract void inspect(byte[] buffer, int offset, int length) throws IOException;

    /** Sees the end of the body; throws to stop the read. */
    void end() throws IOException {
    }

    @Override
    public int read() throws IOException {
        int b = delegate.read();
        if (b < 0) {
            end();
        } else {
            inspect(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = delegate.read(buffer, offset, length);
        if (n < 0) {
            end();
        } else if (n > 0) {
            inspect(buffer, offset, n);
        }
        return n;
    }

    @Override
    public boolean isFinished() {
        return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        delegate.setReadListener(listener);
    }
}
