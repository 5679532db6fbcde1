package id.go.bangka.inovasi.gateway.auth;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Checks the clients file for changes every {@code inovasi.gateway.clients-reload-interval} while running. */
@Component
public class ClientsFileWatcher implements SmartLifecycle {

    private final ApiKeyRegistry registry;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public ClientsFileWatcher(ApiKeyRegistry registry, ApiClientProperties properties) {
        this.registry = registry;
        this.interval = properties.clientsReloadInterval();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "clients-file-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(100, interval.toMillis());
        executor.scheduleWithFixedDelay(registry::reload, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
