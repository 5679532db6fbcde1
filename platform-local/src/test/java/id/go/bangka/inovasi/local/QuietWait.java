package id.go.bangka.inovasi.local;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Waits, before a benchmark's measured step, until the platform has finished the work earlier load left behind: until
 * its processes together spend at most {@value #QUIET_MILLIS_PER_SECOND} ms of CPU in a second (a tenth of a core), or
 * the deadline passes. Work left over (the search index merging segments, the stand-in's store rewriting its file)
 * would share the cores with the step and count as its latency and CPU; the wait keeps each step to its own load
 * (docs/benchmarks.md, section 1, tenth session).
 */
final class QuietWait {

    static final long QUIET_MILLIS_PER_SECOND = 100;

    /**
     * What a wait found: the one-second samples it took (reading /proc adds a little to each), whether the platform
     * went quiet, and the last sample's CPU in ms.
     */
    record Outcome(long seconds, boolean quiet, long lastSecondMillis) {

        /** For the benchmark's log. */
        String describe() {
            return quiet ? String.format("quiet after %d s", seconds)
                    : String.format("still busy after %d s (%d ms of CPU in the last second), measured anyway",
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
     * {@value #QUIET_MILLIS_PER_SECOND} ms, or {@code deadline} has passed. A total that falls (a process gone, whose
     * CPU then reads as 0) is not quiet.
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
            if (spent >= 0 && spent <= QUIET_MILLIS_PER_SECOND) {
                return new Outcome(seconds, true, spent);
            }
        } while (seconds < deadline.toSeconds());
        return new Outcome(seconds, false, spent);
    }
}
