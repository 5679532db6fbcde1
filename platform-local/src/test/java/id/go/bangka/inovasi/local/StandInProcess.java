package id.go.bangka.inovasi.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The MongoDB stand-in in a JVM of its own, so that a benchmark counts its CPU time apart from the load generator's.
 * {@link #start} launches this class's {@link #main} (arguments: the H2 file, the port) with the caller's class path
 * and waits until the port accepts connections.
 */
public final class StandInProcess {

    /**
     * The stand-in's JVM options: those {@code run-local.sh} starts its launcher's JVM (which holds the stand-in) with,
     * so that a benchmark's stand-in is the one run-local runs ({@code RunLocalStandInOptionsTest} checks the script).
     * A heap fixed at 1 GiB gives it a young generation large enough that what it caches dies young (docs/benchmarks.md
     * section 2, eighteenth session).
     */
    static final String RUN_LOCAL_JAVA_OPTIONS = "-Xms1g -Xmx1g -XX:+UseSerialGC";

    private StandInProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        MongoStandIn standIn = new MongoStandIn(Path.of(args[0]), Integer.parseInt(args[1]));
        standIn.start();
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::stop, "stand-in-stop"));
        Thread.currentThread().join();
    }

    /** Starts the stand-in process on {@code port} with its data in {@code file}, its output in {@code log}. */
    static Process start(Path file, int port, List<String> jvmOptions, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Processes.java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StandInProcess.class.getName(),
                file.toString(), Integer.toString(port)));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The stand-in exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return process;
            } catch (IOException notYet) {
                ServiceProcess.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The stand-in did not listen on " + port + " within 60 s; see " + log);
    }
}
