package id.go.bangka.inovasi.gateway.bench;

import id.go.bangka.inovasi.gateway.GatewayApplication;
import id.go.bangka.inovasi.gateway.support.FreePort;
import id.go.bangka.inovasi.gateway.support.StubBackend;
import id.go.bangka.inovasi.testsupport.BenchmarkRunner;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.ProcFs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * CPU per proxied request of this gateway against its framework's floor, measured in one run: the gateway
 * ({@link GatewayApplication}, its production configuration) and a {@link BareGateway} (Spring Cloud Gateway with one
 * plain route, nothing of ours) run side by side as processes with run-local's JVM options, both in front of the same
 * {@link StubBackend}. Each is sent the same anonymous {@code GET /api/v1/opds} (proxied: the stub's answer carries no
 * {@code Cache-Control}, so the gateway keeps no copy) at the same steady rate, in turns, after a warm-up of both; the
 * CPU each process used in its turn (from /proc, with its JIT compiler threads' share) is divided by the answers it
 * gave. The gap between the two is what this gateway's own work costs on top of the framework.
 *
 * <p>Arguments: requests per second (400), seconds per turn (20), rounds of turns (4), warm-up seconds per gateway
 * (60), client threads (16). {@code INOVASI_JAVA_OPTS} replaces the gateways' JVM options (a JFR profile). Linux only.
 * From the checkout, after {@code mvn -B -q -pl gateway -am install -DskipTests}:
 *
 * <pre>
 * mvn -B -q -o -pl gateway exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath id.go.bangka.inovasi.gateway.bench.GatewayFloorBenchmark 400 20 4 60"
 * </pre>
 */
public final class GatewayFloorBenchmark {

    private static final String PATH = "/api/v1/opds";
    private static final String JVM_OPTIONS = "-Xms64m -Xmx320m -XX:+UseSerialGC -Xss512k";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final int rate;
    private final Duration turn;
    private final int rounds;
    private final Duration warmUp;
    private final int clients;

    private GatewayFloorBenchmark(String[] args) {
        rate = intArg(args, 0, 400);
        turn = Duration.ofSeconds(intArg(args, 1, 20));
        rounds = intArg(args, 2, 4);
        warmUp = Duration.ofSeconds(intArg(args, 3, 60));
        clients = intArg(args, 4, 16);
    }

    public static void main(String[] args) {
        BenchmarkRunner.runAndExit(() -> new GatewayFloorBenchmark(args).run());
    }

    private void run() throws Exception {
        // The JDK's HTTP server sends an answer's headers and body in two writes: without TCP_NODELAY the second
        // waits for the client's delayed ACK (40 ms), which would bound the clients, not the gateways.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        StubBackend backend = new StubBackend();
        Path logs = Files.createDirectories(Path.of("target", "gateway-bench"));
        Path clientsFile = Files.writeString(logs.resolve("clients.yml"), "inovasi:\n  gateway:\n    clients: []\n");
        List<Gateway> gateways = List.of(
                Gateway.start("bare Spring Cloud Gateway", BareGateway.class, bareArguments(backend), logs),
                Gateway.start("this gateway", GatewayApplication.class, gatewayArguments(backend, clientsFile),
                        logs));
        try {
            for (Gateway gateway : gateways) {
                gateway.awaitAnswering();
            }
            System.out.printf("%nLinux, %d cores; %d requests/s of GET %s from %d clients; turns of %d s after %d s"
                    + " of warm-up each%n", Runtime.getRuntime().availableProcessors(), rate, PATH, clients,
                    turn.toSeconds(), warmUp.toSeconds());
            for (Gateway gateway : gateways) {
                load(gateway, warmUp);
            }
            System.out.printf("%n| round | gateway | answers/s | p50 ms | p99 ms | CPU ms per request | of which the"
                    + " JIT | load average |%n|---|---|---|---|---|---|---|---|%n");
            Map<String, List<Double>> perRequest = new TreeMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (Gateway gateway : gateways) {
                    Turn result = load(gateway, turn);
                    perRequest.computeIfAbsent(gateway.name, n -> new ArrayList<>()).add(result.cpuPerAnswer());
                    System.out.printf("| %d | %s | %.0f | %.1f | %.1f | %.3f | %.3f | %s |%n", round, gateway.name,
                            result.answersPerSecond(), result.p50(), result.p99(), result.cpuPerAnswer(),
                            result.jitPerAnswer(), ProcFs.loadAverage());
                }
            }
            double bare = median(perRequest.get(gateways.get(0).name));
            double ours = median(perRequest.get(gateways.get(1).name));
            System.out.printf("%nMedian CPU ms per proxied request: %s %.3f, %s %.3f (%.2f x; this gateway's own"
                    + " work %.3f ms)%n", gateways.get(0).name, bare, gateways.get(1).name, ours, ours / bare,
                    ours - bare);
        } finally {
            gateways.forEach(Gateway::stop);
        }
    }

    /** Sends {@link #rate} requests a second to one gateway for a while; its answers and its CPU meanwhile. */
    private Turn load(Gateway gateway, Duration duration) throws InterruptedException {
        Recorder latency = new Recorder(3);
        AtomicLong answered = new AtomicLong();
        Map<Integer, AtomicLong> others = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        long interval = TimeUnit.SECONDS.toNanos(1) * clients / rate;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpuBefore = ProcFs.cpuMillis(gateway.pid());
        long jitBefore = ProcFs.jitMillis(gateway.pid());
        long began = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            long offset = interval * i / clients;
            pool.execute(() -> {
                long due = began + offset;
                while (running.get()) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                    long start = System.nanoTime();
                    int status = gateway.get();
                    latency.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
                    (status == 200 ? answered : others.computeIfAbsent(status, s -> new AtomicLong()))
                            .incrementAndGet();
                    due += interval;
                }
            });
        }
        sleepNanos(duration.toNanos());
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - began) / 1e9;
        long cpu = ProcFs.cpuMillis(gateway.pid()) - cpuBefore;
        long jit = ProcFs.jitMillis(gateway.pid()) - jitBefore;
        if (!others.isEmpty()) {
            System.out.printf("  %s answered other than 200: %s%n", gateway.name, others);
        }
        Histogram histogram = latency.getIntervalHistogram();
        long answers = Math.max(1, answered.get());
        return new Turn(answered.get() / seconds, histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, (double) cpu / answers, (double) jit / answers);
    }

    private static List<String> bareArguments(StubBackend backend) {
        String route = "--spring.cloud.gateway.server.webflux.routes[0].";
        return List.of("--spring.application.name=bare-gateway",
                // Not the gateway's application.yml, which the classpath also holds.
                "--spring.config.location=optional:classpath:/bare-gateway.yml",
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.web.reactive"
                        + ".ReactiveWebSecurityAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.actuate.web.reactive"
                        + ".ReactiveManagementWebSecurityAutoConfiguration,"
                        + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive"
                        + ".ReactiveOAuth2ResourceServerAutoConfiguration,"
                        + "id.go.bangka.inovasi.platform.PlatformAutoConfiguration,"
                        + "id.go.bangka.inovasi.platform.openapi.ApiDocsAutoConfiguration,"
                        + "id.go.bangka.inovasi.platform.readmodel.ReadModelAutoConfiguration,"
                        + "id.go.bangka.inovasi.platform.opd.OpdRegistryAutoConfiguration",
                route + "id=opds", route + "uri=" + backend.uri(), route + "predicates[0]=Path=" + PATH);
    }

    private static List<String> gatewayArguments(StubBackend backend, Path clientsFile) {
        return List.of("--INOVASI_SUBMISSION_URI=" + backend.uri(), "--INOVASI_CATALOG_URI=" + backend.uri(),
                "--INOVASI_STATS_URI=" + backend.uri(), "--inovasi.identity.secret=" + Infrastructure.IDENTITY_SECRET,
                "--inovasi.gateway.clients-file=" + clientsFile.toAbsolutePath(),
                // The anonymous rate limit is still evaluated for every request, only raised.
                "--inovasi.gateway.rate-limit.anonymous.requests-per-second=1000000",
                "--inovasi.gateway.rate-limit.anonymous.burst=1000000");
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One gateway's turn: answers per second, latency percentiles in ms, CPU and JIT ms per answer. */
    private record Turn(double answersPerSecond, double p50, double p99, double cpuPerAnswer, double jitPerAnswer) {
    }

    /** A gateway process on its own port, its output in a log file. */
    private record Gateway(String name, Process process, int port) {

        static Gateway start(String name, Class<?> main, List<String> arguments, Path logs) throws IOException {
            int port = FreePort.pick();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(System.getenv().getOrDefault("INOVASI_JAVA_OPTS", JVM_OPTIONS).split(" ")));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(),
                    "--server.port=" + port));
            command.addAll(arguments);
            Path log = logs.resolve(main.getSimpleName() + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new Gateway(name, process, port);
        }

        long pid() {
            return process.pid();
        }

        int get() {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** Waits, at most {@link #START_TIMEOUT}, until the gateway proxies the path to the stub (200). */
        void awaitAnswering() {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (get() != 200) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not answer 200 on " + PATH + " (see its log in"
                            + " target/gateway-bench)");
                }
                sleepNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
