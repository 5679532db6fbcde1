package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.testsupport.ProcFs;
import java.util.Map;

/**
 * Warms the platform up under a benchmark's own load until the JIT has compiled the hot paths: rounds of the load until
 * the compiler threads of the platform's processes together take at most {@value #SETTLED_JIT_SHARE} of their CPU in a
 * round, or {@value #MOST_ROUNDS} rounds. On two cores shared by five JVMs under load the compilers take minutes, and a
 * process still compiling spends most of its CPU there (docs/benchmarks.md, section 9).
 */
final class JitWarmUp {

    static final double SETTLED_JIT_SHARE = 0.05;
    static final int MOST_ROUNDS = 20;

    /** One round of a benchmark's load; returns what it achieved, for the log (such as "1,289 reads/s"). */
    @FunctionalInterface
    interface Round {
        String run() throws Exception;
    }

    private JitWarmUp() {
    }

    /** Runs rounds until the JIT settles; prints each round's result and the JIT's share of the platform's CPU. */
    static void untilSettled(LocalPlatform platform, Round round) throws Exception {
        for (int number = 1; number <= MOST_ROUNDS; number++) {
            long cpuBefore = total(ProcFs.cpuMillis(platform.pids()));
            long jitBefore = total(ProcFs.jitMillis(platform.pids()));
            String achieved = round.run();
            double jitShare = (double) (total(ProcFs.jitMillis(platform.pids())) - jitBefore)
                    / Math.max(1, total(ProcFs.cpuMillis(platform.pids())) - cpuBefore);
            System.out.printf("  warm-up round %d: %s; the JIT took %.0f %% of the platform's CPU (load average %s)%n",
                    number, achieved, 100 * jitShare, ProcFs.loadAverage());
            if (jitShare <= SETTLED_JIT_SHARE) {
                return;
            }
        }
    }

    private static long total(Map<String, Long> millis) {
        return millis.values().stream().mapToLong(Long::longValue).sum();
    }
}
