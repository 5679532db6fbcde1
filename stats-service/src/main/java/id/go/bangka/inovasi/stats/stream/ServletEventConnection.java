package id.go.bangka.inovasi.stats.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * A stream's asynchronous servlet response in non-blocking mode (Servlet {@link WriteListener}): a subscriber whose
 * client stopped reading holds no thread, and the pusher never waits for it. The container calls the subscriber back
 * when the connection can take more, and when the response times out, fails or completes.
 */
final class ServletEventConnection implements EventConnection {

    private final AsyncContext async;
    private final ServletOutputStream out;

    private ServletEventConnection(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /**
     * Starts the asynchronous response of a stream, as {@code text/event-stream} that no cache keeps, ending after
     * {@code timeout}.
     */
    static ServletEventConnection open(HttpServletRequest request, HttpServletResponse response, Duration timeout)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        AsyncContext async = request.startAsync();
        async.setTimeout(timeout.toMillis());
        return new ServletEventConnection(async, async.getResponse().getOutputStream());
    }

    /** Hands the container's callbacks to the subscriber: more room to write, and the stream's end. */
    void attach(StreamSubscriber subscriber) {
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                subscriber.close();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                subscriber.close();
            }

            @Override
            public void onError(AsyncEvent event) {
                subscriber.close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        out.setWriteListener(new WriteListener() {
            @Override
            public void onWritePossible() {
                subscriber.drain();
            }

            @Override
            public void onError(Throwable failure) {
                subscriber.close();
            }
        });
    }

    @Override
    public boolean ready() {
        return out.isReady();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyEnded) {
            // completed, timed out or failed meanwhile: nothing more to end
        }
    }
}
