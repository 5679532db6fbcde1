package id.go.bangka.inovasi.stats.stream;

import java.io.IOException;

/**
 * Where one subscriber's events go, written without blocking: a write is offered only while the connection is
 * {@link #ready()}, and the connection calls back (the subscriber's {@code drain}) once it is ready again.
 */
interface EventConnection {

    /** Whether a write now would not block; when false, the connection calls back once it can take more. */
    boolean ready();

    /** Writes these bytes; called only when {@link #ready()} said so. */
    void write(byte[] bytes) throws IOException;

    /** Sends what was written; called only when {@link #ready()} said so. */
    void flush() throws IOException;

    /** Ends the response (the stream). */
    void close();
}
