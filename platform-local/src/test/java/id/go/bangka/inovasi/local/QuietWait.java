package id.go.bangka.inovasi.local;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Waits, before a benchmark's measured step, until the platform has finished the work earlier load left behind: until
 * its processes together spend at most {@value #QUIET_MILLIS_PER_SECOND} ms of CPU in a second (a tenth of a core), or
 * the deadline passes. After a warm-up at full load the catalogue's search index still merges segments and the
 * stand-in's store still rewrites its file for seconds; a step begun meanwhile shares the cores with that work and
 * measures it as its own latency (docs/benchmarks.md, section 1).
 */
final class QuietWait {

    static final long QUIET_MILLIS_PER_SECOND = 100;

    /** What a wait found: the seconds it took, whether the platform went quiet, and its last second's CPU in ms. */
    record Outcome(double seconds, boolean quiet, long lastSecondMillis) {

        /** For the benchmark's log. */
        String describe() {
            return quiet ? String.format("quiet after %.0f s", seconds)
                    : String.format("still busy after %.0f s (%d ms of CPU in the last second), measured anyway",
                            seconds, lastSecondMillis);
        }
    }

    /** Sleeps for the given milliseconds. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private QuietWait() {
    }

    /**
     * Samples {@code cpuMillis} (the platform's processes' CPU so far) once a second until one second used at most
     * {@value #QUIET_MILLIS_PER_SECOND} ms, or {@code deadline} has passed.
     */
    static Outcome await(LongSupplier cpuMillis, Duration deadline, Sleeper sleeper) throws InterruptedException {
        long seconds = 0;
        long last = cpuMillis.getAsLong();
        long spent;
        do {
            sleeper.sleep(1000);
            seconds++;
            long now = cpuMillis.getAsLong();
            spent = now - last;
            last = now;
            if (spent <= QUIET_MILLIS_PER_SECOND) {
                return new Outcome(seconds, true, spent);
            }
        } while (seconds < deadline.toSeconds());
        return new Outcome(seconds, false, spent);
    }
}
