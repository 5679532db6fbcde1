package id.go.bangka.inovasi.testsupport;

/**
 * Runs a benchmark's body and ends the JVM: status 0 when it finished, 1 with the stack trace when it failed. Without
 * it a failure would leave the embedded broker's and the readers' threads keeping the JVM (and {@code exec:java})
 * waiting, and the error unseen.
 */
public final class BenchmarkRunner {

    private BenchmarkRunner() {
    }

    /** A benchmark's body. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    public static void runAndExit(Body body) {
        try {
            body.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
