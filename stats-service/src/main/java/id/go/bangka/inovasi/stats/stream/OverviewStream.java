package id.go.bangka.inovasi.stats.stream;

import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.stats.StatsProperties;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.view.CatalogView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes what a dashboard redraws ({@link DashboardUpdate}: the overview, the trend, the IID summary and for
 * reviewers the lead times) to every subscriber of the Server-Sent Events stream: once on subscribing, then after any
 * change of the view at most once per {@code min-interval} per subscriber, and a heartbeat comment when nothing else
 * was sent for a {@code heartbeat}. One scheduler thread serves every subscriber; a subscriber holds no thread
 * (the request is asynchronous), only its connection. A replica holds at most {@code max-subscribers} streams (one
 * more is refused with 503 and Retry-After); a stream ends after its {@code timeout}, after {@code idle-timeout}
 * without an overview, and when the service stops; clients reconnect.
 */
@Component
public class OverviewStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverviewStream.class);

    private final CatalogView view;
    private static final MediaType JSON_TEXT = new MediaType("application", "json", StandardCharsets.UTF_8);

    private final DashboardUpdates updates;
    private final StatsProperties.Stream settings;
    private final LongSupplier nanoTime;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
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
        subscribers.forEach(this::end);
    }

    @Override
    public boolean isRunning() {
        return pusher != null;
    }

    /**
     * A new subscriber, sent the current update for its filters (scope included) at once.
     *
     * @throws ApiProblem 503 with Retry-After when the replica already holds {@code max-subscribers} streams
     */
    public SseEmitter subscribe(Filters filters) {
        if (held.incrementAndGet() > settings.maxSubscribers()) {
            held.decrementAndGet();
            throw ApiProblem.unavailable("Too many dashboard streams", "This server already holds "
                    + settings.maxSubscribers() + " live dashboard streams; try again after Retry-After seconds, "
                    + "or read /api/v1/stats/overview meanwhile.", settings.retryAfter());
        }
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        long now = nanoTime.getAsLong();
        Subscriber subscriber = new Subscriber(emitter, filters, now);
        emitter.onCompletion(() -> remove(subscriber));
        emitter.onTimeout(() -> remove(subscriber));
        emitter.onError(e -> remove(subscriber));
        subscribers.add(subscriber);
        push(subscriber, now);
        return emitter;
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
            for (Subscriber subscriber : subscribers) {
                if (now - subscriber.overviewAt >= settings.idleTimeout().toNanos()
                        && subscriber.sentGeneration == generation) {
                    end(subscriber);
                } else if (subscriber.sentGeneration != generation
                        && now - subscriber.overviewAt >= settings.minInterval().toNanos()) {
                    push(subscriber, now);
                } else if (now - subscriber.sentAt >= settings.heartbeat().toNanos()) {
                    send(subscriber, SseEmitter.event().comment("heartbeat"), now);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Overview stream tick failed", e);
        }
    }

    private void push(Subscriber subscriber, long now) {
        DashboardUpdates.Written update = updates.current(subscriber.filters);
        if (send(subscriber, SseEmitter.event().name("overview").id(Long.toString(update.generation()))
                .data(update.json(), JSON_TEXT), now)) {
            subscriber.sentGeneration = update.generation();
            subscriber.overviewAt = now;
        }
    }

    private boolean send(Subscriber subscriber, SseEmitter.SseEventBuilder event, long now) {
        try {
            subscriber.emitter.send(event);
            subscriber.sentAt = now;
            return true;
        } catch (IOException | IllegalStateException e) {
            remove(subscriber);
            return false;
        }
    }

    private void end(Subscriber subscriber) {
        remove(subscriber);
        subscriber.emitter.complete();
    }

    /** Forgets a subscriber once, whichever of completion, timeout, error or a failed send comes first. */
    private void remove(Subscriber subscriber) {
        if (subscriber.removed.compareAndSet(false, true)) {
            subscribers.remove(subscriber);
            held.decrementAndGet();
        }
    }

    private static final class Subscriber {

        private final SseEmitter emitter;
        private final Filters filters;
        private final AtomicBoolean removed = new AtomicBoolean();
        private volatile long sentGeneration = -1;
        private volatile long sentAt;
        private volatile long overviewAt;

        private Subscriber(SseEmitter emitter, Filters filters, long now) {
            this.emitter = emitter;
            this.filters = filters;
            this.sentAt = now;
            this.overviewAt = now;
        }
    }
}
