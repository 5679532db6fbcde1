package id.go.bangka.inovasi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Starting and stopping the processes the local platform starts, and clearing their directories. */
final class Processes {

    private static final long GRACE_SECONDS = 30;

    private Processes() {
    }

    /** The {@code java} launcher of the JDK running this JVM, which every process of the platform uses. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Deletes a directory and everything under it; nothing when it does not exist. */
    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Whether the process was started and still runs. */
    static boolean alive(Process process) {
        return process != null && process.isAlive();
    }

    /** The exit code of a process that ended, or -1 while it runs or before it started. */
    static int exitCode(Process process) {
        return alive(process) || process == null ? -1 : process.exitValue();
    }

    /** Kills a process without warning, like {@code kill -9}, and waits until it is gone. */
    static void kill(Process process) {
        if (alive(process)) {
            try {
                process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
