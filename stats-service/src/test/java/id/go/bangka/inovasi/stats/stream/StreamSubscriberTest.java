package id.go.bangka.inovasi.stats.stream;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.Scope;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamSubscriberTest {

    private final RecordingConnection connection = new RecordingConnection();
    private final AtomicInteger closings = new AtomicInteger();
    private final StreamSubscriber subscriber = new StreamSubscriber(Filters.none(Scope.PUBLISHED), connection, 3,
            closings::incrementAndGet, 0);

    @Test
    void anEventIsWrittenAndFlushedAtOnceWhileTheConnectionTakesIt() {
        assertThat(subscriber.offer(bytes("a"))).isTrue();
        assertThat(subscriber.offer(bytes("b"))).isTrue();

        assertThat(connection.written).containsExactly("a", "b");
        assertThat(connection.flushes).isEqualTo(2);
        assertThat(subscriber.queued()).isZero();
    }

    @Test
    void eventsWaitInTheQueueUntilTheConnectionCallsBackInOrder() {
        connection.ready = false;
        subscriber.offer(bytes("a"));
        subscriber.offer(bytes("b"));
        assertThat(connection.written).isEmpty();
        assertThat(subscriber.queued()).isEqualTo(2);

        connection.ready = true;
        subscriber.drain();

        assertThat(connection.written).containsExactly("a", "b");
        assertThat(connection.flushes).isEqualTo(1);
        assertThat(subscriber.queued()).isZero();
        assertThat(subscriber.closed()).isFalse();
    }

    @Test
    void aSubscriberWhoseQueueIsFullIsClosedOnceAndHoldsNothing() {
        connection.ready = false;
        assertThat(subscriber.offer(bytes("a"))).isTrue();
        assertThat(subscriber.offer(bytes("b"))).isTrue();
        assertThat(subscriber.offer(bytes("c"))).isTrue();
        assertThat(subscriber.queued()).as("the queue's capacity").isEqualTo(3);

        assertThat(subscriber.offer(bytes("d"))).as("one more than the queue holds").isFalse();

        assertThat(subscriber.closed()).isTrue();
        assertThat(connection.closed).isTrue();
        assertThat(subscriber.queued()).isZero();
        assertThat(subscriber.offer(bytes("e"))).isFalse();
        subscriber.close();
        assertThat(closings).as("closed once").hasValue(1);
        connection.ready = true;
        subscriber.drain();
        assertThat(connection.written).as("nothing written after closing").isEmpty();
    }

    @Test
    void aFailedWriteClosesTheSubscriber() {
        StreamSubscriber failing = new StreamSubscriber(Filters.none(Scope.PUBLISHED), new RecordingConnection() {
            @Override
            public void write(byte[] bytes) {
                throw new IllegalStateException("the client went away");
            }
        }, 3, closings::incrementAndGet, 0);

        assertThat(failing.offer(bytes("a"))).isFalse();
        assertThat(failing.closed()).isTrue();
        assertThat(closings).hasValue(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
