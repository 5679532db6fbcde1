package id.go.bangka.inovasi.local;

import java.util.concurrent.TimeUnit;

/** Stopping the processes the local platform starts. */
final class Processes {

    private static final long GRACE_SECONDS = 30;

    private Processes() {
    }

    /** Asks a process to stop (SIGTERM), and kills it if it has not within the grace period. */
    static void stopGracefully(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
