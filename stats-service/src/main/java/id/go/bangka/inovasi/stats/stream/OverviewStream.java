package id.go.bangka.inovasi.stats.stream;

import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.stats.StatsProperties;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.view.CatalogView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Pushes what a dashboard redraws ({@link DashboardUpdate}: the overview, the trend, the IID summary and for
 * reviewers the lead times) to every subscriber of the Server-Sent Events stream: once on subscribing, then after any
 * change of the view at most once per {@code min-interval} per subscriber, and a heartbeat comment when nothing else
 * was sent for a {@code heartbeat}. One scheduler thread serves every subscriber, off the Kafka consumer: it hands
 * each the event bytes shared by every subscriber with the same filters ({@link DashboardUpdates}), and writes never
 * block (the response is asynchronous and non-blocking, {@link StreamSubscriber}): a subscriber holds no thread, only
 * its connection and at most {@code queue} events its client has not taken; one more closes it. A replica holds at
 * most {@code max-subscribers} streams (one more is refused with 503 and Retry-After); a stream ends after its
 * {@code timeout}, after {@code idle-timeout} without an overview, and when the service stops; clients reconnect.
 */
@Component
public class OverviewStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverviewStream.class);
    private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final CatalogView view;
    private final DashboardUpdates updates;
    private final StatsProperties.Stream settings;
    private final LongSupplier nanoTime;
    private final List<StreamSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger held = new AtomicInteger();
    private volatile ScheduledExecutorService pusher;

    @Autowired
    public OverviewStream(CatalogView view, DashboardUpdates updates, StatsProperties properties) {
        this(view, updates, properties, System::nanoTime);
    }

    /** A stream on the given monotonic clock (tests step it instead of waiting). */
    OverviewStream(CatalogView view, DashboardUpdates updates, StatsProperties properties, LongSupplier nanoTime) {
        this.view = view;
        this.updates = updates;
        this.settings = properties.stream();
        this.nanoTime = nanoTime;
    }

    @Override
    public void start() {
        pusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "stats-stream");
            thread.setDaemon(true);
            return thread;
        });
        long tick = settings.tick().toMillis();
        pusher.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        pusher.shutdownNow();
        pusher = null;
        subscribers.forEach(StreamSubscriber::close);
    }

    @Override
    public boolean isRunning() {
        return pusher != null;
    }

    /**
     * Answers this request with a stream for these filters (scope included), sent the current update at once.
     *
     * @throws ApiProblem 503 with Retry-After when the replica already holds {@code max-subscribers} streams
     */
    public void subscribe(Filters filters, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        take();
        ServletEventConnection connection;
        try {
            connection = ServletEventConnection.open(request, response, settings.timeout());
        } catch (IOException | RuntimeException e) {
            held.decrementAndGet();
            throw e;
        }
        connection.attach(add(filters, connection));
    }

    /** A new subscriber on this connection, sent the current update at once (tests hand their own connection). */
    StreamSubscriber subscribe(Filters filters, EventConnection connection) {
        take();
        return add(filters, connection);
    }

    private void take() {
        if (held.incrementAndGet() > settings.maxSubscribers()) {
            held.decrementAndGet();
            throw ApiProblem.unavailable("Too many dashboard streams", "This server already holds "
                    + settings.maxSubscribers() + " live dashboard streams; try again after Retry-After seconds, "
                    + "or read /api/v1/stats/overview meanwhile.", settings.retryAfter());
        }
    }

    private StreamSubscriber add(Filters filters, EventConnection connection) {
        long now = nanoTime.getAsLong();
        StreamSubscriber[] added = new StreamSubscriber[1];
        added[0] = new StreamSubscriber(filters, connection, settings.queue(), () -> forget(added[0]), now);
        subscribers.add(added[0]);
        push(added[0], now);
        return added[0];
    }

    /** Subscribers connected now. */
    public int subscribers() {
        return subscribers.size();
    }

    /** The view generation each subscriber was last sent an overview of, -1 for none. */
    List<Long> sentGenerations() {
        return subscribers.stream().map(subscriber -> subscriber.sentGeneration).toList();
    }

    /** One round of the pusher: overviews where the view changed, heartbeats, idle streams ended. */
    void tick() {
        try {
            long now = nanoTime.getAsLong();
            long generation = view.generation();
            for (StreamSubscriber subscriber : subscribers) {
                if (now - subscriber.overviewAt >= settings.idleTimeout().toNanos()
                        && subscriber.sentGeneration == generation) {
                    subscriber.close();
                } else if (subscriber.sentGeneration != generation
                        && now - subscriber.overviewAt >= settings.minInterval().toNanos()) {
                    push(subscriber, now);
                } else if (now - subscriber.sentAt >= settings.heartbeat().toNanos()
                        && subscriber.offer(HEARTBEAT)) {
                    subscriber.sentAt = now;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Overview stream tick failed", e);
        }
    }

    private void push(StreamSubscriber subscriber, long now) {
        DashboardUpdates.Written update = updates.current(subscriber.filters());
        if (subscriber.offer(update.event())) {
            subscriber.sentGeneration = update.generation();
            subscriber.overviewAt = now;
            subscriber.sentAt = now;
        }
    }

    /** Forgets a subscriber once it closed, however it ended. */
    private void forget(StreamSubscriber subscriber) {
        subscribers.remove(subscriber);
        held.decrementAndGet();
    }
}
