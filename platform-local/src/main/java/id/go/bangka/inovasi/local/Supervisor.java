package id.go.bangka.inovasi.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the processes of the local platform running, as a container's restart policy would: a process that exits
 * while the platform runs is logged and started again after a back-off (1 s, doubling up to 30 s, and back to 1 s once
 * it has run a minute). {@link #stop()} ends supervision before the platform stops its processes.
 */
final class Supervisor {

    /** A process the supervisor keeps running. */
    interface Supervised {

        String name();

        boolean alive();

        /** The exit code of the process that ended, or -1. */
        int exitCode();

        /** Starts the process again and returns once it serves (or throws if it does not). */
        void restart();

        long pid();
    }

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration STABLE = Duration.ofMinutes(1);
    private static final long POLL_MILLIS = 500;

    private final List<Watched> watched = new ArrayList<>();
    private final Consumer<String> log;
    private final Runnable restarted;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Supervises the given processes on a daemon thread of its own.
     *
     * @param log       where to say what happened
     * @param restarted called after each restart (the launcher writes the new process ids down)
     */
    Supervisor(List<? extends Supervised> processes, Consumer<String> log, Runnable restarted) {
        processes.forEach(p -> watched.add(new Watched(p)));
        this.log = log;
        this.restarted = restarted;
        this.thread = new Thread(this::watch, "local-platform-supervisor");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends supervision; processes that exit from now on stay down. */
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(90).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch() {
        while (running) {
            for (Watched w : watched) {
                if (!running) {
                    return;
                }
                w.check();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One process with its back-off. */
    private final class Watched {

        private final Supervised process;
        private Duration backoff = FIRST_BACKOFF;
        private long startedAt = System.nanoTime();
        private long notBefore;
        private int restarts;
        private boolean announced;

        private Watched(Supervised process) {
            this.process = process;
        }

        private void check() {
            long now = System.nanoTime();
            if (process.alive()) {
                if (now - startedAt >= STABLE.toNanos()) {
                    backoff = FIRST_BACKOFF;
                }
                return;
            }
            if (!announced) {
                announced = true;
                notBefore = now + backoff.toNanos();
                log.accept(process.name() + " exited (code " + process.exitCode() + "); starting it again in "
                        + backoff.toSeconds() + " s");
                return;
            }
            if (now < notBefore) {
                return;
            }
            restarts++;
            try {
                process.restart();
                log.accept(process.name() + " is running again (pid " + process.pid() + ", restart " + restarts
                        + ")");
                restarted.run();
            } catch (RuntimeException e) {
                log.accept(process.name() + " did not start: " + e.getMessage());
            }
            startedAt = System.nanoTime();
            announced = false;
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
        }
    }
}
