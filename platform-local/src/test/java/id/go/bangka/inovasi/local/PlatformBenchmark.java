package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.events.Caller;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.events.fixtures.Submissions;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.ProcFs;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform benchmark: starts the local platform as {@code ./run-local.sh} does (a Kafka broker process, the four
 * services as processes, on the same fixed ports; the MongoDB stand-in, an H2 file as run-local's, in a JVM of its
 * own, {@link StandInProcess}) with fresh data under {@code platform-local/target/bench}, then measures intake
 * throughput and latency through the gateway and directly at 8, 16, 32 and 128 concurrent portals (once the JIT has
 * settled under intake through the gateway, {@link JitWarmUp}), intake at a steady offered rate from 16 to 128 portals
 * (the part {@code paced}, {@link #paced}), freshness from the 202
 * to the catalogue and to the stats at steady rates (the catalogue hop split by {@link FreshnessTimeline}, every
 * submission's times written to {@code freshness-<rate>.csv} there), and the resident memory of every process idle and
 * under load.
 * With each intake step, and in the part {@code reads} (anonymous proxied reads of {@code /api/v1/opds}), the CPU
 * time every process spent per answer, from {@code /proc/<pid>/stat}, the load generator (this JVM) and the stand-in
 * apart. The part {@code budget} seeds the catalogue to each of the given sizes (submissions produced straight to
 * {@code inovasi.submissions.v1}, waited for until stats counted them) and then measures the CPU every process spends
 * per accepted submission, from the first request until stats has counted the last ({@link #budget}). Prints Markdown
 * tables for {@code docs/benchmarks.md}. Arguments: seconds measured per step (default 20), the steady rates (default
 * 50,200,1000), the parts to run (default intake,freshness; also paced, reads, budget), the budget's catalogue sizes
 * (default 10000,100000). {@code INOVASI_JAVA_OPTS} sets the services' JVM options, as for run-local, and
 * {@code INOVASI_STANDIN_JAVA_OPTS} the stand-in's (default {@link StandInProcess#RUN_LOCAL_JAVA_OPTIONS}, those of
 * run-local's launcher, which holds the stand-in there).
 */
public final class PlatformBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PORTAL_KEY = "bench-portal-" + Long.toHexString(System.nanoTime());
    private static final String REVIEWER_KEY = "bench-reviewer-" + Long.toHexString(System.nanoTime());
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    /** The concurrent portals of the intake steps. */
    private static final List<Integer> INTAKE_PORTALS = List.of(8, 16, 32, 128);
    private static final String LOAD_GENERATOR = "load generator";
    private static final String STAND_IN = "mongo stand-in";
    private static final int BUDGET_PORTALS = 16;
    /** The steady rate the part "paced" offers, and its portals. */
    private static final int PACED_RATE = 300;
    private static final List<Integer> PACED_PORTALS = List.of(16, 32, 128);
    /**
     * How often the freshness step asks stats for its total: each answer is stats-service's work, not the platform's.
     * At every 5 ms (until the eighteenth session) stats-service spent about 70 ms of CPU a second more on them at
     * 100 submissions a second (docs/benchmarks.md section 2).
     */
    private static final Duration STATS_SAMPLING = Duration.ofMillis(20);
    private static Process standIn;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();

    private final Duration step;
    private final Path data;
    private final List<String> opdCodes;
    private final AtomicLong titles = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private PlatformBenchmark(Duration step, Path data, List<String> opdCodes) {
        this.step = step;
        this.data = data;
        this.opdCodes = opdCodes;
    }

    public static void main(String[] args) throws Exception {
        Duration step = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 20);
        List<Integer> rates = Stream.of((args.length > 1 ? args[1] : "50,200,1000").split(","))
                .map(Integer::parseInt).toList();
        List<String> parts = List.of((args.length > 2 ? args[2] : "intake,freshness").split(","));
        List<Integer> sizes = Stream.of((args.length > 3 ? args[3] : "10000,100000").split(","))
                .map(Integer::parseInt).toList();
        Path root = checkout();
        Path data = root.resolve("platform-local/target/bench");
        Processes.deleteRecursively(data);
        standIn = StandInProcess.start(data.resolve("mongo/inovasi.mv"), LocalPlatform.MONGO_PORT,
                List.of(System.getenv().getOrDefault("INOVASI_STANDIN_JAVA_OPTS", StandInProcess.RUN_LOCAL_JAVA_OPTIONS)
                        .trim().split("\\s+")), data.resolve("logs/mongo-stand-in.log"));
        LocalPlatform platform = new LocalPlatform(root, data,
                launcherEnvironment(),
                Map.of("INOVASI_IDENTITY_SECRET", Infrastructure.IDENTITY_SECRET, "SPRING_APPLICATION_JSON", """
                        {"inovasi.gateway.rate-limit.roles.portal.requests-per-second": 1000000,
                         "inovasi.gateway.rate-limit.roles.portal.burst": 1000000,
                         "inovasi.gateway.rate-limit.roles.reviewer.requests-per-second": 1000000,
                         "inovasi.gateway.rate-limit.roles.reviewer.burst": 1000000}"""));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.stop();
            Processes.stopGracefully(standIn);
        }, "benchmark-stop"));
        Instant starting = Instant.now();
        platform.start();
        Duration startup = Duration.between(starting, Instant.now());
        try {
            System.out.printf("%n%s, %d cores, %d MiB max heap of this JVM; all services ready in %.1f s%n",
                    System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, startup.toMillis() / 1000.0);
            Thread.sleep(10_000);
            Map<String, Long> idle = residentMemory(platform);
            PlatformBenchmark benchmark = new PlatformBenchmark(step, data, opdCodes());
            Map<String, Long> loaded = parts.contains("intake") ? benchmark.intake(platform) : Map.of();
            if (parts.contains("paced")) {
                benchmark.paced(platform);
            }
            if (parts.contains("reads")) {
                benchmark.reads(platform);
            }
            if (parts.contains("freshness")) {
                benchmark.freshness(platform, rates);
            }
            if (parts.contains("budget")) {
                benchmark.budget(platform, sizes);
            }
            printFootprint(idle, loaded);
        } finally {
            System.exit(0);
        }
    }

    /** The keys of the benchmark's clients, and INOVASI_JAVA_OPTS (e.g. to record a JFR profile) when set. */
    private static Map<String, String> launcherEnvironment() {
        Map<String, String> env = new HashMap<>(Map.of("INOVASI_LOCAL_PORTAL_KEY", PORTAL_KEY,
                "INOVASI_LOCAL_REVIEWER_KEY", REVIEWER_KEY,
                "MONGODB_URI", "mongodb://127.0.0.1:" + LocalPlatform.MONGO_PORT));
        String javaOptions = System.getenv("INOVASI_JAVA_OPTS");
        if (javaOptions != null && !javaOptions.isBlank()) {
            env.put("INOVASI_JAVA_OPTS", javaOptions);
        }
        return env;
    }

    /**
     * Closed loop: each portal sends its next submission when the previous one is answered; first, through the gateway
     * until the JIT has settled ({@link JitWarmUp}), then a step per number of portals through the gateway and directly.
     */
    private Map<String, Long> intake(LocalPlatform platform) throws Exception {
        JitWarmUp.untilSettled(platform, this::drainedRound);
        System.out.printf("%n| target | portals | accepted/s | p50 ms | p95 ms | p99 ms | other answers |%n");
        System.out.println("|---|---|---|---|---|---|---|");
        Map<String, Long> peak = new LinkedHashMap<>();
        Map<String, Double> throughput = new HashMap<>();
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        for (String target : List.of("gateway", "direct")) {
            for (int portals : INTAKE_PORTALS) {
                AtomicBoolean sampling = new AtomicBoolean(true);
                Thread sampler = daemon(() -> {
                    while (sampling.get()) {
                        residentMemory(platform).forEach((process, rss) -> peak.merge(process, rss, Math::max));
                        sleep(1000);
                    }
                });
                boolean viaGateway = target.equals("gateway");
                Result result = closedLoop(() -> submit(viaGateway), 202, portals, platform);
                cpu.put(target + " | " + portals, result.cpuPerAnswer());
                sampling.set(false);
                sampler.join();
                throughput.put(target + portals, result.perSecond());
                System.out.printf("| %s | %d | %.0f | %.1f | %.1f | %.1f | %s |%n", target, portals,
                        result.perSecond(), ms(result.latency(), 50), ms(result.latency(), 95),
                        ms(result.latency(), 99), result.others().isEmpty() ? "none" : result.others());
            }
        }
        for (int portals : INTAKE_PORTALS) {
            System.out.printf("gateway/direct throughput at %d portals: %.2f%n", portals,
                    throughput.get("gateway" + portals) / throughput.get("direct" + portals));
        }
        printCpu("CPU ms per accepted submission", "target | portals", cpu);
        return peak;
    }

    /**
     * Open loop: submissions through the gateway at a steady {@value #PACED_RATE}/s from N portals, each a thread with
     * its share of the rate on its own schedule (portal i of N sends at offsets i, i + N, i + 2N... of the rate's
     * interval). A portal sends when its next submission is due or, when it is behind, as soon as its previous one was
     * answered; latency counts from when a submission was due, not from when it was sent, so a platform that falls
     * behind shows as latency (no coordinated omission). Before each step the catalogue catches up and the platform
     * goes quiet ({@link QuietWait}); after it, the wait until stats has counted every accepted submission is printed,
     * so a rate intake takes but the pipeline behind it does not keep up with shows. First, warm-up rounds until the
     * JIT has settled ({@link JitWarmUp}).
     */
    private void paced(LocalPlatform platform) throws Exception {
        JitWarmUp.untilSettled(platform, this::drainedRound);
        System.out.printf("%n| offered/s | portals | accepted/s | p50 ms | p95 ms | p99 ms | max ms | other answers "
                + "| counted by stats after s | load average |%n");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        for (int portals : PACED_PORTALS) {
            awaitCatalogueCaughtUp();
            awaitQuiet(platform);
            long base = statsTotal();
            AtomicLong acceptedInAll = new AtomicLong();
            Result result = pacedStep(portals, platform, acceptedInAll);
            long sent = System.nanoTime();
            awaitCounted(base + acceptedInAll.get());
            cpu.put(PACED_RATE + " | " + portals, result.cpuPerAnswer());
            System.out.printf("| %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s | %.1f | %s |%n", PACED_RATE, portals,
                    result.perSecond(), ms(result.latency(), 50), ms(result.latency(), 95), ms(result.latency(), 99),
                    result.latency().getMaxValue() / 1000.0, result.others().isEmpty() ? "none" : result.others(),
                    (System.nanoTime() - sent) / 1e9, ProcFs.loadAverage());
        }
        printCpu("CPU ms per accepted submission while sending (the catalogue's and stats' work on a backlog left "
                + "after the step is not in it: section 8 is the budget)", "offered/s | portals", cpu);
    }

    /** One step; {@code acceptedInAll} counts every 202, the warm-up's too (stats counts them all). */
    private Result pacedStep(int portals, LocalPlatform platform, AtomicLong acceptedInAll)
            throws InterruptedException {
        long interval = 1_000_000_000L / PACED_RATE;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long measureFrom = start + WARM_UP.toNanos();
        long end = measureFrom + step.toNanos();
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicLong accepted = new AtomicLong();
        Map<Integer, AtomicLong> others = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(portals);
        for (int portal = 0; portal < portals; portal++) {
            long first = start + portal * interval;
            pool.execute(() -> {
                for (long due = first; due < end; due += portals * interval) {
                    sleepUntil(due);
                    int status = submit(true).statusCode();
                    if (status == 202) {
                        acceptedInAll.incrementAndGet();
                    }
                    if (due >= measureFrom) {
                        synchronized (latency) {
                            latency.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due));
                        }
                        (status == 202 ? accepted : others.computeIfAbsent(status, s -> new AtomicLong()))
                                .incrementAndGet();
                    }
                }
            });
        }
        sleepUntil(measureFrom);
        Map<String, Long> cpuBefore = ProcFs.cpuMillis(pids(platform));
        sleepUntil(end);
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - measureFrom) / 1e9;
        Map<String, Long> cpuAfter = ProcFs.cpuMillis(pids(platform));
        Map<Integer, Long> counted = new HashMap<>();
        others.forEach((status, n) -> counted.put(status, n.get()));
        return new Result(accepted.get() / seconds, accepted.get(), latency, counted,
                ProcFs.perAnswer(cpuBefore, cpuAfter, accepted.get()));
    }

    /** Anonymous proxied reads of the OPD list, closed loop with 16 clients, through the gateway and directly. */
    private void reads(LocalPlatform platform) throws InterruptedException {
        System.out.printf("%n| GET /api/v1/opds | clients | answers/s | p50 ms | p99 ms | other answers |%n");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        for (String target : List.of("gateway", "direct")) {
            int port = target.equals("gateway") ? LocalPlatform.GATEWAY_PORT : LocalPlatform.SUBMISSION_PORT;
            Supplier<HttpResponse<String>> read = () -> {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/opds")).timeout(Duration.ofSeconds(30));
                if (port != LocalPlatform.GATEWAY_PORT) {
                    TestIdentities.addTo(request, TestIdentities.anonymous(), "submission-service");
                }
                return send(request.build());
            };
            Result result = closedLoop(read, 200, 16, platform);
            cpu.put(target + " | 16", result.cpuPerAnswer());
            System.out.printf("| %s | 16 | %.0f | %.1f | %.1f | %s |%n", target, result.perSecond(),
                    ms(result.latency(), 50), ms(result.latency(), 99),
                    result.others().isEmpty() ? "none" : result.others());
        }
        printCpu("CPU ms per proxied read", "target | clients", cpu);
    }

    /**
     * CPU per accepted submission at each catalogue size: seeds the catalogue up to the size, sends submissions
     * through the gateway from {@value #BUDGET_PORTALS} portals for a step (after warm-up steps, each drained, until
     * the JIT has settled: {@link JitWarmUp}), then waits until stats has counted every accepted one; each process's
     * CPU time from the first request to that moment, divided by the submissions accepted. Each accepted submission is
     * one snapshot, so the stats-service figure is also its CPU per snapshot counted. The part of each figure spent by
     * the JVM's JIT compiler threads is printed apart: code still being compiled. Rows name the innovations stats
     * counted when the measured step began (more than the size when earlier parts sent more).
     */
    private void budget(LocalPlatform platform, List<Integer> sizes) throws Exception {
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        Map<String, Map<String, Double>> jit = new LinkedHashMap<>();
        System.out.printf("%n| innovations | accepted | accepted/s while sending | drained after s | load average "
                + "| measured |%n");
        System.out.println("|---|---|---|---|---|---|");
        for (int size : sizes) {
            long missing = size - statsTotal();
            if (missing > 0) {
                seed(missing);
            }
            // Seeding warmed the consumers but not the HTTP path: warm it up in steps until the JIT has settled (one
            // step of a minute left it compiling: docs/benchmarks.md, sections 8 and 9).
            JitWarmUp.untilSettled(platform, this::drainedRound);
            awaitQuiet(platform);
            long base = statsTotal();
            Map<String, Long> cpuBefore = ProcFs.cpuMillis(pids(platform));
            Map<String, Long> jitBefore = ProcFs.jitMillis(pids(platform));
            long began = System.nanoTime();
            long accepted = sendFor(step);
            double sending = (System.nanoTime() - began) / 1e9;
            long sent = System.nanoTime();
            awaitCatalogueCaughtUp();
            awaitCounted(base + accepted);
            double drained = (System.nanoTime() - sent) / 1e9;
            Map<String, Long> cpuAfter = ProcFs.cpuMillis(pids(platform));
            Map<String, Double> perSubmission = ProcFs.perAnswer(cpuBefore, cpuAfter, accepted);
            String row = String.format("%,d | %d", base, BUDGET_PORTALS);
            cpu.put(row, perSubmission);
            jit.put(row, ProcFs.perAnswer(jitBefore, ProcFs.jitMillis(pids(platform)), accepted));
            System.out.printf("| %,d | %,d | %.0f | %.1f | %s | %s to %s |%n", base, accepted, accepted / sending,
                    drained, ProcFs.loadAverage(), Instant.now().minusNanos(System.nanoTime() - began), Instant.now());
            printCpu("CPU ms per accepted submission at " + String.format("%,d", base), "innovations | portals",
                    Map.of(row, perSubmission));
        }
        printCpu("CPU ms per accepted submission, from the first request until stats counted the last",
                "innovations | portals", cpu);
        printCpu("Of which the JIT compiler threads (the code still being compiled, not run)", "innovations | portals",
                jit);
    }

    /**
     * One round of warm-up: submissions through the gateway from {@value #BUDGET_PORTALS} portals for a step, then a
     * wait until stats has counted them all, so that no backlog is left to the next round or part.
     */
    private String drainedRound() throws InterruptedException {
        long base = statsTotal();
        long began = System.nanoTime();
        long accepted = sendFor(step);
        double seconds = (System.nanoTime() - began) / 1e9;
        awaitCounted(base + accepted);
        return String.format("%.0f accepted/s through the gateway, counted by stats after %.0f s", accepted / seconds,
                (System.nanoTime() - began) / 1e9);
    }

    /** Closed loop through the gateway from {@value #BUDGET_PORTALS} portals for a while; the submissions accepted. */
    private long sendFor(Duration duration) throws InterruptedException {
        AtomicLong accepted = new AtomicLong();
        Map<Integer, AtomicLong> others = new ConcurrentHashMap<>();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(BUDGET_PORTALS);
        for (int i = 0; i < BUDGET_PORTALS; i++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    int status = submit(true).statusCode();
                    (status == 202 ? accepted : others.computeIfAbsent(status, s -> new AtomicLong()))
                            .incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        if (!others.isEmpty()) {
            System.out.printf("  answers other than 202: %s%n", others);
        }
        return accepted.get();
    }

    /**
     * Seeds the catalogue with {@code n} new innovations: CREATE submissions (as intake writes them) produced straight
     * to {@code inovasi.submissions.v1}, then waits until stats has counted them all.
     */
    private void seed(long n) {
        long base = statsTotal();
        long began = System.nanoTime();
        Instant at = Instant.now();
        InnovationField[] fields = InnovationField.values();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + LocalPlatform.KAFKA_PORT,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < n; i++) {
                String opd = opdCodes.get((int) (i % opdCodes.size()));
                SubmissionReceived event = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(),
                        SubmissionAction.CREATE, 0, new Caller("local-portal", "portal"), opd, at.plusMillis(i),
                        Proposals.full("Inovasi benih " + run + " nomor " + (base + i), opd,
                                fields[(int) (i % fields.length)], 2018 + (int) (i % 8)), null);
                producer.send(Submissions.record(event));
            }
        }
        double produced = (System.nanoTime() - began) / 1e9;
        awaitCatalogueCaughtUp();
        awaitCounted(base + n);
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("  seeded %,d innovations (%,d to %,d): produced in %.1f s, counted by stats after %.1f s "
                + "(%.0f/s; load average %s)%n", n, base, base + n, produced, seconds, n / seconds, ProcFs.loadAverage());
    }

    /**
     * Waits until the stats total reaches {@code total} (every snapshot before counted), for at most 30 minutes,
     * asking twice a second: each answer after a change costs stats a pass over the view, so a budget step first waits
     * for the catalogue (which costs stats nothing).
     */
    private static void awaitCounted(long total) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        long counted = statsTotal();
        while (counted < total) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stats counted " + counted + " of " + total + " after 30 minutes");
            }
            sleep(500);
            counted = statsTotal();
        }
    }

    private static void printCpu(String title, String key, Map<String, Map<String, Double>> cpu) {
        List<String> processes = cpu.values().iterator().next().keySet().stream().toList();
        System.out.printf("%n%s%n%n| %s | %s | all but the load generator |%n", title, key,
                String.join(" | ", processes));
        int keyColumns = key.split("\\|").length;
        System.out.println("|" + "---|".repeat(keyColumns + processes.size() + 1));
        cpu.forEach((row, perProcess) -> System.out.printf("| %s | %s | %.2f |%n", row,
                String.join(" | ", processes.stream().map(p -> String.format("%.2f", perProcess.get(p))).toList()),
                perProcess.entrySet().stream().filter(e -> !e.getKey().equals(LOAD_GENERATOR))
                        .mapToDouble(Map.Entry::getValue).sum()));
    }

    private Result closedLoop(Supplier<HttpResponse<String>> call, int expected, int clients,
            LocalPlatform platform) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong accepted = new AtomicLong();
        Map<Integer, AtomicLong> others = new ConcurrentHashMap<>();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.execute(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    int status = call.get().statusCode();
                    if (measuring.get()) {
                        recorder.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
                        if (status == expected) {
                            accepted.incrementAndGet();
                        } else {
                            others.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }
            });
        }
        Thread.sleep(WARM_UP.toMillis());
        recorder.reset();
        Map<String, Long> cpuBefore = ProcFs.cpuMillis(pids(platform));
        measuring.set(true);
        long began = System.nanoTime();
        Thread.sleep(step.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - began) / 1e9;
        Map<String, Long> cpuAfter = ProcFs.cpuMillis(pids(platform));
        Histogram latency = recorder.getIntervalHistogram();
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        Map<Integer, Long> counted = new HashMap<>();
        others.forEach((status, n) -> counted.put(status, n.get()));
        return new Result(accepted.get() / seconds, accepted.get(), latency, counted,
                ProcFs.perAnswer(cpuBefore, cpuAfter, accepted.get()));
    }

    /**
     * Open loop at a steady rate; each accepted submission is timed until its snapshot and its count in stats. First,
     * warm-up rounds until the JIT has settled ({@link JitWarmUp}).
     */
    private void freshness(LocalPlatform platform, List<Integer> rates) throws Exception {
        JitWarmUp.untilSettled(platform, this::drainedRound);
        System.out.printf("%n| rate/s (achieved) | 202 -> catalogue p50 / p95 / p99 ms | 202 -> stats p50 / p95 / p99 ms |%n");
        System.out.println("|---|---|---|");
        for (int rate : rates) {
            System.out.printf("  (waited %.1f s for the catalogue to apply the earlier steps' submissions)%n",
                    awaitCatalogueCaughtUp());
            awaitQuiet(platform);
            FreshnessTimeline timeline = new FreshnessTimeline();
            AtomicLong failed = new AtomicLong();
            List<long[]> statsSamples = new ArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread watcher = daemon(() -> watchSnapshots(timeline, running));
            long base = statsTotal();
            Thread poller = daemon(() -> {
                while (running.get()) {
                    long total = statsTotal();
                    synchronized (statsSamples) {
                        statsSamples.add(new long[] {System.nanoTime(), total});
                    }
                    sleep(STATS_SAMPLING.toMillis());
                }
            });
            sleep(2000);
            ExecutorService senders = Executors.newFixedThreadPool(200);
            long interval = 1_000_000_000L / rate;
            Map<String, Long> cpuBefore = ProcFs.cpuMillis(pids(platform));
            long began = System.nanoTime();
            long sent = 0;
            while (System.nanoTime() - began < step.toNanos()) {
                sleepUntil(began + sent * interval);
                senders.execute(() -> {
                    try {
                        HttpResponse<String> answer = submit(true);
                        if (answer.statusCode() == 202) {
                            timeline.accepted(JSON.readTree(answer.body()).path("innovationId").asString(),
                                    System.nanoTime());
                        }
                    } catch (IllegalStateException e) {
                        failed.incrementAndGet();
                    }
                });
                sent++;
            }
            double achieved = sent / ((System.nanoTime() - began) / 1e9);
            senders.shutdown();
            if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
                System.out.printf("  %d submissions still unsent after 2 min: dropped%n",
                        senders.shutdownNow().size());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!timeline.everySnapshotSent() && System.nanoTime() < deadline) {
                sleep(100);
            }
            Map<String, Long> cpuAfter = ProcFs.cpuMillis(pids(platform));
            sleep(3000);
            running.set(false);
            watcher.join();
            poller.join();
            timeline.countedInStats(statsSamples, base);
            Histogram toCatalogue = timeline.toCatalogue();
            Histogram toStats = timeline.toStats();
            System.out.printf("| %d (%.0f) | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f |%n", rate, achieved,
                    ms(toCatalogue, 50), ms(toCatalogue, 95), ms(toCatalogue, 99), ms(toStats, 50), ms(toStats, 95),
                    ms(toStats, 99));
            long missing = timeline.withoutSnapshot();
            if (missing > 0) {
                System.out.printf("  %d accepted submissions without a snapshot within 30 s%n", missing);
            }
            if (failed.get() > 0) {
                System.out.printf("  %d submissions failed to connect or timed out%n", failed.get());
            }
            timeline.printSegments(rate);
            printCpu("CPU ms per accepted submission at " + rate + "/s, until the last snapshot was sent (the load "
                    + "generator with its stats sampling and snapshot consumer)", "rate/s",
                    Map.of(String.valueOf(rate), ProcFs.perAnswer(cpuBefore, cpuAfter, timeline.accepted())));
            timeline.write(data.resolve("freshness-" + rate + ".csv"));
        }
    }

    /**
     * Waits until catalog-service has applied every submission on the topic, so a step starts without a backlog;
     * returns the seconds waited.
     */
    private static double awaitCatalogueCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + LocalPlatform.KAFKA_PORT))) {
            long began = System.nanoTime();
            long lag;
            do {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("catalog-service").partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
                Map<TopicPartition, Long> end = new HashMap<>();
                admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                        .forEach((p, info) -> end.put(p, info.offset()));
                lag = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.SUBMISSIONS))
                        .mapToLong(e -> end.get(e.getKey()) - e.getValue().offset()).sum();
                sleep(lag > 0 ? 500 : 0);
            } while (lag > 0);
            return (System.nanoTime() - began) / 1e9;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void watchSnapshots(FreshnessTimeline timeline, AtomicBoolean running) {
        try {
            readSnapshots(timeline, running);
        } catch (RuntimeException e) {
            System.err.println("The snapshot watcher stopped: " + e);
        }
    }

    /**
     * Reads the snapshots and, for their create times, the submissions' events as they are written: a snapshot's
     * first record per innovation is the one its submission caused. Only the records' create times count, so the
     * consumer fetches in batches (at most 100 ms late): fetching each record as it came was three quarters of the
     * load generator's CPU samples at 100 submissions a second (docs/benchmarks.md section 2).
     */
    private static void readSnapshots(FreshnessTimeline timeline, AtomicBoolean running) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + LocalPlatform.KAFKA_PORT,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = Stream.of(Topics.CATALOG, Topics.SUBMISSIONS)
                    .flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (running.get()) {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                    if (r.topic().equals(Topics.CATALOG)) {
                        timeline.snapshotSent(r.key(), r.timestamp());
                    } else {
                        timeline.eventSent(r.key(), r.timestamp());
                    }
                });
            }
        }
    }

    private HttpResponse<String> submit(boolean viaGateway) {
        long n = titles.incrementAndGet();
        String opd = opdCodes.get((int) (n % opdCodes.size()));
        String body = Proposals.json("Inovasi uji beban " + run + " nomor " + n, opd, "HEALTH", 2024);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + (viaGateway ? LocalPlatform.GATEWAY_PORT : LocalPlatform.SUBMISSION_PORT)
                + "/api/v1/submissions")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Idempotency-Key", run + "-" + n)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (viaGateway) {
            request.header("X-Api-Key", PORTAL_KEY);
        } else {
            TestIdentities.addTo(request, TestIdentities.portal("local-portal", opd), "submission-service");
        }
        return send(request.build());
    }

    private static long statsTotal() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + LocalPlatform.STATS_PORT
                + "/api/v1/stats/overview")).timeout(Duration.ofSeconds(5));
        TestIdentities.addTo(request, TestIdentities.reviewer("local-reviewer"), "stats-service");
        HttpResponse<String> answer = send(request.build());
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("total").asLong() : -1;
    }

    private static List<String> opdCodes() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + LocalPlatform.GATEWAY_PORT + "/api/v1/opds")).build());
        JsonNode body = JSON.readTree(answer.body());
        JsonNode list = body.isArray() ? body : body.path("opds");
        List<String> codes = new ArrayList<>();
        list.forEach(opd -> codes.add(opd.path("code").asString()));
        if (codes.isEmpty()) {
            throw new IllegalStateException("No OPD codes from /api/v1/opds: " + answer.body());
        }
        return codes;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits (at most a minute) until the stand-in, Kafka and the services have finished what earlier load left them
     * ({@link QuietWait}), and says how long that took.
     */
    private static void awaitQuiet(LocalPlatform platform) throws InterruptedException {
        Map<String, Long> platformPids = new LinkedHashMap<>(pids(platform));
        platformPids.remove(LOAD_GENERATOR);
        QuietWait.Outcome outcome = QuietWait.await(
                () -> ProcFs.cpuMillis(platformPids).values().stream().mapToLong(Long::longValue).sum(),
                Duration.ofMinutes(1), Thread::sleep);
        System.out.printf("  (the platform %s)%n", outcome.describe());
    }

    /** The process id of the load generator (this JVM), the stand-in, Kafka and every service, by name. */
    private static Map<String, Long> pids(LocalPlatform platform) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        pids.put(STAND_IN, standIn.pid());
        pids.putAll(platform.pids());
        return pids;
    }

    /** Resident memory (VmRSS) of every process, in KiB. */
    private static Map<String, Long> residentMemory(LocalPlatform platform) {
        Map<String, Long> rss = new LinkedHashMap<>();
        pids(platform).forEach((process, pid) -> rss.put(process, ProcFs.residentKib(pid)));
        return rss;
    }

    private static void printFootprint(Map<String, Long> idle, Map<String, Long> loaded) {
        System.out.printf("%n| process | idle MiB | peak under intake load MiB |%n|---|---|---|%n");
        idle.forEach((process, kib) -> System.out.printf("| %s | %.0f | %.0f |%n", process, kib / 1024.0,
                loaded.getOrDefault(process, 0L) / 1024.0));
        long platformIdle = idle.entrySet().stream()
                .filter(e -> !e.getKey().equals(LOAD_GENERATOR) && !e.getKey().equals(STAND_IN))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("| Kafka and the four services | %.2f GiB | |%n", platformIdle / 1048576.0);
    }

    /** A percentile of a histogram of microseconds, in milliseconds; NaN when it is empty. */
    static double ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN
                : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Sleeps until {@link System#nanoTime()} reaches {@code due}; at once when it has. */
    private static void sleepUntil(long due) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The checkout's root, whether Maven runs this from the root or from the module. */
    private static Path checkout() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("run-local.sh"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("Run from inside the checkout (no run-local.sh above " + Path.of("")
                    .toAbsolutePath() + ")");
        }
        return directory;
    }

    private record Result(double perSecond, long accepted, Histogram latency, Map<Integer, Long> others,
            Map<String, Double> cpuPerAnswer) {
    }
}
