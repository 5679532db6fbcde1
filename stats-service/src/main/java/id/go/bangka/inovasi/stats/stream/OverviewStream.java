package id.go.bangka.inovasi.stats.stream;

import id.go.bangka.inovasi.stats.StatsProperties;
import id.go.bangka.inovasi.stats.overview.Overview;
import id.go.bangka.inovasi.stats.overview.OverviewService;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.view.CatalogView;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the overview to every subscriber of the Server-Sent Events stream: once on subscribing, then after any
 * change of the view at most once per {@code min-interval} per subscriber, and a heartbeat comment when nothing else
 * was sent for a {@code heartbeat}. One scheduler thread serves every subscriber; a subscriber holds no thread
 * (the request is asynchronous), only its connection. Streams end when the service stops; clients reconnect.
 */
@Component
public class OverviewStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverviewStream.class);

    private final CatalogView view;
    private final OverviewService overviews;
    private final StatsProperties.Stream settings;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService pusher;

    public OverviewStream(CatalogView view, OverviewService overviews, StatsProperties properties) {
        this.view = view;
        this.overviews = overviews;
        this.settings = properties.stream();
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
        subscribers.forEach(s -> s.emitter.complete());
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return pusher != null;
    }

    /** A new subscriber, sent the current overview of its scope at once. */
    public SseEmitter subscribe(Scope scope) {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Subscriber subscriber = new Subscriber(emitter, scope);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        push(subscriber, System.nanoTime());
        return emitter;
    }

    /** Subscribers connected now. */
    public int subscribers() {
        return subscribers.size();
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            long generation = view.generation();
            for (Subscriber subscriber : subscribers) {
                if (subscriber.sentGeneration != generation
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
        Overview overview = overviews.overview(subscriber.scope);
        if (send(subscriber, SseEmitter.event().name("overview").id(Long.toString(overview.generation()))
                .data(overview, MediaType.APPLICATION_JSON), now)) {
            subscriber.sentGeneration = overview.generation();
            subscriber.overviewAt = now;
        }
    }

    private boolean send(Subscriber subscriber, SseEmitter.SseEventBuilder event, long now) {
        try {
            subscriber.emitter.send(event);
            subscriber.sentAt = now;
            return true;
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(subscriber);
            return false;
        }
    }

    private static final class Subscriber {

        private final SseEmitter emitter;
        private final Scope scope;
        private volatile long sentGeneration = -1;
        private volatile long sentAt;
        private volatile long overviewAt;

        private Subscriber(SseEmitter emitter, Scope scope) {
            this.emitter = emitter;
            this.scope = scope;
        }
    }
}
