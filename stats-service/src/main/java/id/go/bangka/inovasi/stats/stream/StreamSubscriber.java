package id.go.bangka.inovasi.stats.stream;

import id.go.bangka.inovasi.stats.query.Filters;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open stream: its filters, what it was last sent, and a bounded queue of events (shared, already encoded bytes)
 * not yet taken by its connection. Writes never block: the queue drains while the connection is ready, and again when
 * the connection calls back. A subscriber whose queue is full (its client stopped reading) is closed and dropped, so a
 * stalled client neither delays the others nor holds more than {@code capacity} events. One thread drains at a time,
 * without a lock (the container's callback and the pusher may both ask).
 */
final class StreamSubscriber {

    private final Filters filters;
    private final EventConnection connection;
    private final Runnable onClose;
    private final Queue<byte[]> queue;
    private final AtomicInteger drainRequests = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    volatile long sentGeneration = -1;
    volatile long sentAt;
    volatile long overviewAt;

    /**
     * @param capacity events held for a client that is not reading; one more closes the stream
     * @param onClose  called once, however the stream ends
     */
    StreamSubscriber(Filters filters, EventConnection connection, int capacity, Runnable onClose, long now) {
        this.filters = filters;
        this.connection = connection;
        this.onClose = onClose;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sentAt = now;
        this.overviewAt = now;
    }

    Filters filters() {
        return filters;
    }

    /**
     * Queues an event and writes what the connection takes now.
     *
     * @return false when the stream is closed, or is closed now because its queue was full
     */
    boolean offer(byte[] event) {
        if (closed.get()) {
            return false;
        }
        if (!queue.offer(event)) {
            close();
            return false;
        }
        drain();
        return !closed.get();
    }

    /** Events queued and not yet written. */
    int queued() {
        return queue.size();
    }

    boolean closed() {
        return closed.get();
    }

    /** Writes queued events while the connection takes them, then flushes; the connection calls this when ready. */
    void drain() {
        if (drainRequests.getAndIncrement() != 0) {
            return;
        }
        int requests = 1;
        do {
            try {
                writeWhileReady();
            } catch (IOException | RuntimeException e) {
                close();
            }
            requests = drainRequests.addAndGet(-requests);
        } while (requests != 0);
    }

    private void writeWhileReady() throws IOException {
        boolean written = false;
        while (!closed.get() && connection.ready()) {
            byte[] event = queue.poll();
            if (event == null) {
                if (written) {
                    connection.flush();
                }
                return;
            }
            connection.write(event);
            written = true;
        }
    }

    /** Ends the stream once, whichever of a full queue, a failed write, the container or the pusher comes first. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClose.run();
            connection.close();
        }
    }
}
