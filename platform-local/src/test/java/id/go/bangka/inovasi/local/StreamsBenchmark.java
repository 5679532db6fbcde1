package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.events.fixtures.Proposals;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The dashboard streams benchmark (docs/benchmarks.md, section 10): starts the local platform as
 * {@code ./run-local.sh} does (fresh data under {@code platform-local/target/bench-streams}), opens many
 * {@code /api/v1/stats/stream} subscribers through the gateway as the local reviewer (JDK HttpClient, asynchronous
 * line subscribers: no thread per stream), then submits one innovation at a steady pace and measures, for each change,
 * the time until every subscriber received an overview counting it: from the first subscriber that got it (the
 * fan-out) and from the submission's 202. It also reports the resident memory (VmRSS) and the heap after a full GC of
 * stats-service and the gateway idle and with every stream open, and the CPU time each of them spent per delivered
 * event. A few stalled subscribers (which never read after their first line) may be added: they must not delay the
 * others. The gateway's per-address stream cap and the replica's stream limit are raised by configuration for this
 * run only. Arguments: subscribers (default 5000), changes (30), pace between changes in ms (2000), stalled
 * subscribers (20). {@code INOVASI_JAVA_OPTS} sets the services' JVM options, as for run-local;
 * {@code INOVASI_BENCH_<MODULE>_JAR} (e.g. {@code INOVASI_BENCH_STATS_SERVICE_JAR}) runs another build of a service.
 */
public final class StreamsBenchmark {

    private static final String PORTAL_KEY = "bench-portal-" + Long.toHexString(System.nanoTime());
    private static final String REVIEWER_KEY = "bench-reviewer-" + Long.toHexString(System.nanoTime());
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final int CLIENTS = 4;
    /** Streams being opened at once (sent, headers not yet back): dashboards arriving, not one burst of thousands. */
    private static final int OPENING = 64;
    private static final List<String> MEASURED = List.of("stats-service", "gateway");

    private final List<HttpClient> clients = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Semaphore opening = new Semaphore(OPENING);
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger following = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicLong events = new AtomicLong();
    private final Map<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private volatile long base = -1;
    private AtomicLongArray first;
    private AtomicLongArray last;
    private AtomicLongArray reached;

    private final int gatewayPort;

    private StreamsBenchmark(int gatewayPort) {
        this.gatewayPort = gatewayPort;
        for (int n = 0; n < CLIENTS; n++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newSingleThreadExecutor()).connectTimeout(Duration.ofSeconds(30)).build());
        }
    }

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Duration pace = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 2000);
        int stalled = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Path work = TestPlatform.workDirectory("bench-streams");
        Processes.deleteRecursively(work);
        Files.createDirectories(work);
        int streams = subscribers + stalled;
        Platform platform = Platform.start(work, streams);
        try {
            System.out.printf("%n%s, %d cores; %d subscribers (+%d stalled), %d changes every %d ms; load %s%n",
                    System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(), subscribers, stalled,
                    changes, pace.toMillis(), ProcFs.loadAverage());
            new StreamsBenchmark(platform.gateway.port()).run(platform, subscribers, stalled, changes, pace);
        } catch (RuntimeException e) {
            e.printStackTrace();
        } finally {
            platform.stop();
            System.exit(0);
        }
    }

    /**
     * Kafka, the stand-in and the four services on free loopback ports (other runs may hold run-local's), with
     * run-local's JVM options ({@code INOVASI_JAVA_OPTS} replaces them). The gateway's per-address stream cap and the
     * replica's stream limit are raised to the streams opened, the clients' rate limits lifted.
     */
    private record Platform(LocalKafka kafka, MongoStandIn mongo, List<ServiceProcess> services,
            ServiceProcess gateway) {

        static Platform start(Path work, int streams) throws IOException {
            LocalKafka kafka = new LocalKafka(work.resolve("kafka"), TestPlatform.freePort(), TestPlatform.freePort());
            kafka.start(Duration.ofSeconds(60));
            MongoStandIn mongo = new MongoStandIn(work.resolve("mongo/inovasi.mv"), TestPlatform.freePort());
            mongo.start();
            int submissionPort = TestPlatform.freePort();
            int catalogPort = TestPlatform.freePort();
            int statsPort = TestPlatform.freePort();
            Map<String, String> common = new HashMap<>();
            common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            common.put("KAFKA_REPLICATION_FACTOR", "1");
            common.put("MONGODB_URI", mongo.uri());
            common.put("INOVASI_IDENTITY_SECRET", Infrastructure.IDENTITY_SECRET);
            common.put("INOVASI_CATALOG_URI", "http://127.0.0.1:" + catalogPort);
            common.put("INOVASI_SUBMISSION_URI", "http://127.0.0.1:" + submissionPort);
            common.put("SERVER_ADDRESS", "127.0.0.1");
            common.put("INOVASI_STATS_STREAM_MAX_SUBSCRIBERS", Integer.toString(streams));
            Map<String, String> gatewayEnv = new HashMap<>(common);
            gatewayEnv.put("INOVASI_STATS_URI", "http://127.0.0.1:" + statsPort);
            gatewayEnv.put("INOVASI_GATEWAY_CLIENTS_FILE",
                    TestPlatform.portalAndReviewerClients(work, PORTAL_KEY, REVIEWER_KEY).toString());
            gatewayEnv.put("INOVASI_GATEWAY_STREAMS_PER_ADDRESS", Integer.toString(streams));
            gatewayEnv.put("SPRING_APPLICATION_JSON", """
                    {"inovasi.gateway.rate-limit.roles.portal.requests-per-second": 1000000,
                     "inovasi.gateway.rate-limit.roles.portal.burst": 1000000,
                     "inovasi.gateway.rate-limit.roles.reviewer.requests-per-second": 1000000,
                     "inovasi.gateway.rate-limit.roles.reviewer.burst": 1000000}""");
            ServiceProcess gateway = service("gateway", TestPlatform.freePort(), gatewayEnv, work);
            List<ServiceProcess> services = List.of(service("submission-service", submissionPort, common, work),
                    service("catalog-service", catalogPort, common, work),
                    service("stats-service", statsPort, common, work), gateway);
            Platform platform = new Platform(kafka, mongo, services, gateway);
            ServiceProcess.startAll(services);
            services.forEach(s -> s.awaitReady(Duration.ofMinutes(3)));
            LocalPlatform.awaitRoutedToEveryService(gateway, Duration.ofMinutes(3));
            return platform;
        }

        private static ServiceProcess service(String module, int port, Map<String, String> env, Path work) {
            String options = System.getenv().getOrDefault("INOVASI_JAVA_OPTS", LocalPlatform.DEFAULT_JAVA_OPTIONS);
            String otherJar = System.getenv("INOVASI_BENCH_" + module.toUpperCase(Locale.ROOT).replace('-', '_')
                    + "_JAR");
            Path jar = otherJar == null ? ServiceProcess.builtJar(TestPlatform.ROOT, module) : Path.of(otherJar);
            return new ServiceProcess(module, jar, port, env,
                    List.of(options.trim().split("\\s+")), work.resolve(module + ".log"));
        }

        Map<String, Long> pids() {
            Map<String, Long> pids = new LinkedHashMap<>();
            services.forEach(s -> pids.put(s.name(), s.pid()));
            return pids;
        }

        void stop() {
            services.forEach(ServiceProcess::stop);
            kafka.stop();
            mongo.stop();
        }
    }

    private void run(Platform platform, int subscribers, int stalled, int changes, Duration pace)
            throws InterruptedException {
        first = new AtomicLongArray(changes + 1);
        last = new AtomicLongArray(changes + 1);
        reached = new AtomicLongArray(changes + 1);
        for (int k = 0; k <= changes; k++) {
            first.set(k, Long.MAX_VALUE);
        }
        Thread.sleep(5_000);
        Map<String, Footprint> idle = footprint(platform);

        long began = System.nanoTime();
        for (int n = 0; n < subscribers; n++) {
            subscribe(clients.get(n % CLIENTS), false);
        }
        for (int n = 0; n < stalled; n++) {
            subscribe(clients.get(n % CLIENTS), true);
        }
        await(() -> opened.get() + refused.get() >= subscribers + stalled, Duration.ofMinutes(3));
        System.out.printf("%d streams answered 200 in %.1f s (%d opened at once at most), %d refused %s (-1: no "
                + "answer), %d ended%n", opened.get(),
                (System.nanoTime() - began) / 1e9, OPENING, refused.get(), refusals, ended.get());
        Thread.sleep(10_000);
        Map<String, Footprint> open = footprint(platform);
        base = currentTotal();

        Map<String, Long> cpuBefore = ProcFs.cpuMillis(platform.pids());
        long eventsBefore = events.get();
        long[] accepted = new long[changes + 1];
        long next = System.nanoTime();
        for (int k = 1; k <= changes; k++) {
            while (System.nanoTime() < next) {
                Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime())));
            }
            next += pace.toNanos();
            String title = "Inovasi uji dasbor " + Long.toString(System.currentTimeMillis(), 36) + " nomor " + k;
            HttpResponse<String> answer = send(HttpRequest.newBuilder(gateway("/api/v1/submissions"))
                    .header("X-Api-Key", PORTAL_KEY).header("Content-Type", "application/json")
                    .header("Idempotency-Key", title.replace(' ', '-'))
                    .POST(HttpRequest.BodyPublishers.ofString(Proposals.json(title, "DINKES",
                            "HEALTH", 2024))).build());
            accepted[k] = System.nanoTime();
            if (answer.statusCode() != 202) {
                System.out.printf("change %d: %d %s%n", k, answer.statusCode(), answer.body());
            }
        }
        await(() -> reached.get(changes) >= following.get(), Duration.ofSeconds(30));
        Map<String, Long> cpuAfter = ProcFs.cpuMillis(platform.pids());
        long delivered = events.get() - eventsBefore;

        Histogram fanOut = new Histogram(3);
        Histogram fromAccepted = new Histogram(3);
        Histogram toFirst = new Histogram(3);
        int complete = 0;
        for (int k = 1; k <= changes; k++) {
            if (reached.get(k) >= following.get()) {
                complete++;
                fanOut.recordValue(TimeUnit.NANOSECONDS.toMicros(last.get(k) - first.get(k)));
                fromAccepted.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(last.get(k) - accepted[k])));
                toFirst.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(first.get(k) - accepted[k])));
            } else {
                System.out.printf("change %d reached %d of %d subscribers%n", k, reached.get(k), following.get());
            }
        }
        System.out.printf("%nLoad %s; %d of %d changes reached every one of the %d following subscribers; %d streams "
                + "ended%n", ProcFs.loadAverage(), complete, changes, following.get(), ended.get());
        System.out.printf("%n| per change, ms | p50 | p99 | max |%n|---|---|---|---|%n");
        row("first subscriber -> all subscribers (fan-out)", fanOut);
        row("202 -> first subscriber", toFirst);
        row("202 -> all subscribers", fromAccepted);

        System.out.printf("%n| process | VmRSS idle MiB | VmRSS %d open MiB | heap after GC idle MiB | heap after GC "
                + "open MiB | MiB per 1,000 streams (RSS / heap) | CPU ms per delivered event |%n", opened.get());
        System.out.println("|---|---|---|---|---|---|---|");
        for (String process : MEASURED) {
            Footprint before = idle.get(process);
            Footprint with = open.get(process);
            double cpuMs = (cpuAfter.get(process) - cpuBefore.get(process)) / (double) Math.max(1, delivered);
            System.out.printf("| %s | %.0f | %.0f | %.1f | %.1f | %.1f / %.1f | %.4f |%n", process,
                    before.rssKib() / 1024.0, with.rssKib() / 1024.0, before.heapKib() / 1024.0,
                    with.heapKib() / 1024.0, (with.rssKib() - before.rssKib()) / 1024.0 * 1000 / opened.get(),
                    (with.heapKib() - before.heapKib()) / 1024.0 * 1000 / opened.get(), cpuMs);
        }
        System.out.printf("%n%d overview events delivered during the changes (%.1f per subscriber per change)%n",
                delivered, delivered / (double) Math.max(1, following.get()) / changes);
    }

    /**
     * Opens one stream once fewer than {@link #OPENING} are being opened; a stalled one takes its first line and then
     * never asks for more.
     */
    private void subscribe(HttpClient client, boolean stall) throws InterruptedException {
        opening.acquire();
        HttpRequest request = HttpRequest.newBuilder(gateway("/api/v1/stats/stream"))
                .header("X-Api-Key", REVIEWER_KEY).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Void>> answer = client.sendAsync(request, info -> {
            opening.release();
            if (info.statusCode() != 200) {
                refused.incrementAndGet();
                refusals.computeIfAbsent(info.statusCode(), code -> new AtomicInteger()).incrementAndGet();
                return HttpResponse.BodySubscribers.discarding();
            }
            opened.incrementAndGet();
            if (!stall) {
                following.incrementAndGet();
            }
            return HttpResponse.BodySubscribers.fromLineSubscriber(stall ? new Stalled() : new Follower());
        });
        answer.whenComplete((response, failure) -> {
            if (failure != null && response == null) {
                opening.release();
                refused.incrementAndGet();
                refusals.computeIfAbsent(-1, code -> new AtomicInteger()).incrementAndGet();
            }
        });
    }

    /** Reads every event; records, for each change, when this subscriber first saw an overview counting it. */
    private final class Follower implements Flow.Subscriber<String> {

        private long seen;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("data:")) {
                return;
            }
            events.incrementAndGet();
            long origin = base;
            if (origin < 0) {
                return;
            }
            Matcher total = TOTAL.matcher(line);
            if (!total.find()) {
                return;
            }
            long now = System.nanoTime();
            long change = Math.min(Long.parseLong(total.group(1)) - origin, reached.length() - 1);
            for (long k = Math.max(seen, 0) + 1; k <= change; k++) {
                int index = (int) k;
                first.accumulateAndGet(index, now, Math::min);
                last.accumulateAndGet(index, now, Math::max);
                reached.incrementAndGet(index);
            }
            seen = Math.max(seen, change);
        }

        @Override
        public void onError(Throwable throwable) {
            ended.incrementAndGet();
            following.decrementAndGet();
        }

        @Override
        public void onComplete() {
            ended.incrementAndGet();
            following.decrementAndGet();
        }
    }

    /** Takes one line, then never asks for more: the stream's bytes pile up until the sender stops or drops it. */
    private static final class Stalled implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(1);
        }

        @Override
        public void onNext(String line) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    /** The overview's total now, asked through the gateway until it answers (a minute at most). */
    private long currentTotal() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(gateway("/api/v1/stats/overview"))
                    .header("X-Api-Key", REVIEWER_KEY).build());
            Matcher total = TOTAL.matcher(answer.body());
            if (total.find()) {
                return Long.parseLong(total.group(1));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No total in " + answer.body());
            }
            Thread.sleep(500);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + gatewayPort + path);
    }

    private static void row(String name, Histogram histogram) {
        System.out.printf("| %s | %.0f | %.0f | %.0f |%n", name, histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration atMost)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Resident memory and the heap in use after a full collection, in KiB. */
    private record Footprint(long rssKib, long heapKib) {
    }

    private static Map<String, Footprint> footprint(Platform platform) {
        Map<String, Footprint> footprints = new LinkedHashMap<>();
        platform.pids().forEach((process, pid) -> {
            if (MEASURED.contains(process)) {
                long heap = heapAfterGc(pid);
                footprints.put(process, new Footprint(ProcFs.residentKib(pid), heap));
            }
        });
        return footprints;
    }

    /** {@code jcmd GC.run}, then the sum of the generations' "used" of {@code GC.heap_info} (Serial GC's layout). */
    private static long heapAfterGc(long pid) {
        jcmd(pid, "GC.run");
        Matcher used = Pattern.compile("(?m)^\\s*(?:def new generation|tenured generation).*?used (\\d+)K")
                .matcher(jcmd(pid, "GC.heap_info"));
        long kib = 0;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
        }
        return kib;
    }

    private static String jcmd(long pid, String command) {
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor(1, TimeUnit.MINUTES);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd " + pid + " " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
