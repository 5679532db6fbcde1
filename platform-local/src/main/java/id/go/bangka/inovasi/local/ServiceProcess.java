package id.go.bangka.inovasi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One platform service as an operating-system process: a Spring Boot jar started with its environment (and its
 * {@link ClassDataSharing} archive), its output appended to a log file, its readiness polled over HTTP, stopped
 * gracefully or killed like {@code kill -9}.
 */
public final class ServiceProcess implements Supervisor.Supervised {

    private static final Duration RESTART_READY = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path log;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions,
            Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = log;
    }

    /** The jar of a module built in this checkout: {@code <root>/<module>/target/<module>-<version>.jar}. */
    public static Path builtJar(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-[0-9].*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar of " + module + " in " + target
                            + "; build it with: mvn -B -DskipTests package"));
        } catch (IOException e) {
            throw new IllegalStateException("No build output of " + module + " in " + target
                    + "; build it with: mvn -B -DskipTests package", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized boolean alive() {
        return Processes.alive(process);
    }

    @Override
    public synchronized int exitCode() {
        return Processes.exitCode(process);
    }

    /** Starts the process again and waits until it is ready (the {@link Supervisor}'s restart). */
    @Override
    public void restart() {
        start();
        awaitReady(RESTART_READY);
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /**
     * Starts the processes side by side (so a first start trains their {@link ClassDataSharing} archives side by side
     * too) and returns once all are launched.
     */
    public static void startAll(List<ServiceProcess> processes) {
        processes.stream().map(p -> CompletableFuture.runAsync(p::start,
                task -> new Thread(task, "start-" + p.name()).start())).toList().forEach(CompletableFuture::join);
    }

    /** Starts the process; its output is appended to the log file. */
    public synchronized ServiceProcess start() {
        List<String> command = new ArrayList<>();
        command.add(Processes.java());
        command.addAll(jvmOptions);
        command.addAll(ClassDataSharing.launch(jar, jvmOptions, environment));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        return this;
    }

    /** Waits until {@code /actuator/health/readiness} answers 200. */
    public void awaitReady(Duration timeout) {
        awaitAnswer("/actuator/health/readiness", timeout, "ready");
    }

    /**
     * Waits until {@code GET <path>} on this process answers 200 (through the gateway: a public read that reaches a
     * service).
     */
    public void awaitAnswer(String path, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://" + probeHost() + ":" + port + path))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not " + what + " within " + timeout + "; see " + log);
    }

    /** Where readiness is asked: the address the service listens on ({@code SERVER_ADDRESS}), loopback for any. */
    private String probeHost() {
        String address = environment.getOrDefault("SERVER_ADDRESS", "127.0.0.1");
        return address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1"
                : address.contains(":") ? "[" + address + "]" : address;
    }

    /** Asks the process to stop (SIGTERM: graceful shutdown) and waits for it. */
    public synchronized void stop() {
        Processes.stopGracefully(process);
    }

    /** Kills the process without warning, like {@code kill -9}. */
    public synchronized void kill() {
        Processes.kill(process);
    }

    @Override
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
