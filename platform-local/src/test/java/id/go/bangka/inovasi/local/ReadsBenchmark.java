package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;

/**
 * Public reads through the gateway: starts the local platform as {@code ./run-local.sh} does (fixed ports, the
 * services' production JVM options or {@code INOVASI_JAVA_OPTS}) with its data under
 * {@code platform-local/target/reads-bench}, kept between runs; publishes innovations until the catalogue holds the
 * asked number (directly at the services, as a signed portal and reviewer), then runs an anonymous closed loop of
 * {@code clients} threads through the gateway, each picking its next read from the mix a visitor of Katalog, an
 * innovation page and Dasbor makes: a search (a word, half of them with an OPD or field filter, facets counted), an
 * innovation, its similar innovations, the overview and a breakdown. A share of the clients revalidates like a
 * browser: each remembers the ETag of every address it read and sends it as {@code If-None-Match} (a 304 counts as a
 * read). The anonymous rate limit is raised (still evaluated). Prints reads/s, p50/p95/p99, the share of 304s, the
 * share answered from the gateway's copies (an {@code Age} header; {@code INOVASI_GATEWAY_PUBLIC_CACHE=false} in the
 * environment turns them off, for the "before") and the
 * CPU milliseconds every process spent per read (from {@code /proc/<pid>/stat}) as Markdown for docs/benchmarks.md.
 * The loop runs as long again before the measured part, so that the JIT has compiled the hot paths (compiling counts
 * as the process's CPU). Run from {@code platform-local} (Maven's exec does). Arguments: innovations (default 10000),
 * seconds measured (default 30), clients (default 16), revalidating clients (default a quarter), {@code gzip} to ask
 * for compressed answers as browsers do.
 */
public final class ReadsBenchmark {

    private static final List<String> NOUNS = List.of("Layanan", "Posyandu", "Sekolah", "Pasar", "Aplikasi",
            "Klinik", "Perpustakaan", "Bank Sampah", "Puskesmas", "Kampung");
    private static final List<String> TOPICS = List.of("Kesehatan Ibu", "Digital Terpadu", "Ramah Anak",
            "Keliling Desa", "Nelayan Mandiri", "Timah Hijau", "Lada Putih", "Pelajar Kreatif", "Tanggap Bencana",
            "Air Bersih", "Gizi Balita", "Pangan Lokal");
    private static final List<String> FIELDS = List.of("HEALTH", "EDUCATION", "GOVERNANCE", "FOOD_SECURITY",
            "ENVIRONMENT", "POVERTY_ALLEVIATION", "ECONOMIC_GROWTH_AND_EMPLOYMENT", "COMMUNITY_EMPOWERMENT");
    private static final List<String> WORDS = List.of("layanan", "posyandu", "sekolah", "pasar", "aplikasi",
            "sampah", "kesehatan", "digital", "nelayan", "timah", "lada", "pelajar", "bencana", "gizi", "pangan",
            "kesehatn");
    private static final List<String> DIMENSIONS = List.of("opd", "field", "year", "stage", "affair");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String gateway = "http://127.0.0.1:" + LocalPlatform.GATEWAY_PORT;
    private final List<String> opdCodes;
    private final List<String> innovations;
    private final boolean gzip;

    private ReadsBenchmark(List<String> opdCodes, List<String> innovations, boolean gzip) {
        this.opdCodes = opdCodes;
        this.innovations = innovations;
        this.gzip = gzip;
    }

    /** The kinds of read in the mix, with their share in percent. */
    private enum Read {
        SEARCH(30), INNOVATION(30), SIMILAR(10), OVERVIEW(15), BREAKDOWN(15);

        private final int share;

        Read(int share) {
            this.share = share;
        }

        static Read pick(SplittableRandom random) {
            int roll = random.nextInt(100);
            for (Read read : values()) {
                roll -= read.share;
                if (roll < 0) {
                    return read;
                }
            }
            return BREAKDOWN;
        }
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Duration step = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 30);
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int revalidating = args.length > 3 ? Integer.parseInt(args[3]) : clients / 4;
        boolean gzip = args.length > 4 && args[4].equals("gzip");
        Path root = TestPlatform.ROOT;
        Path data = Files.createDirectories(root.resolve("platform-local/target/reads-bench"));
        Map<String, String> env = new HashMap<>(Map.of("INOVASI_LOCAL_PORTAL_KEY", "reads-portal",
                "INOVASI_LOCAL_REVIEWER_KEY", "reads-reviewer"));
        String javaOptions = System.getenv("INOVASI_JAVA_OPTS");
        if (javaOptions != null && !javaOptions.isBlank()) {
            env.put("INOVASI_JAVA_OPTS", javaOptions);
        }
        LocalPlatform platform = new LocalPlatform(root, data, env, Map.of(
                "INOVASI_IDENTITY_SECRET", Infrastructure.IDENTITY_SECRET, "SPRING_APPLICATION_JSON", """
                        {"inovasi.gateway.rate-limit.anonymous.requests-per-second": 1000000,
                         "inovasi.gateway.rate-limit.anonymous.burst": 1000000}"""));
        try {
            platform.start();
            List<String> opdCodes = opdCodes();
            List<String> ids = publishedIds();
            if (ids.size() < count) {
                seed(count - ids.size(), opdCodes, ids.size());
                ids = publishedIds();
            }
            ReadsBenchmark benchmark = new ReadsBenchmark(opdCodes, ids, gzip);
            System.out.printf("%n%d published innovations; %d clients, %d of them revalidating; %s; load average"
                    + " before %.2f%n", ids.size(), clients, revalidating, gzip ? "gzip" : "no compression",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            benchmark.run(platform, step, clients, revalidating);
        } finally {
            platform.stop();
            System.exit(0);
        }
    }

    private void run(LocalPlatform platform, Duration step, int clients, int revalidating)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        Map<Read, Recorder> byKind = new ConcurrentHashMap<>();
        AtomicLong reads = new AtomicLong();
        AtomicLong notModified = new AtomicLong();
        AtomicLong fromCopy = new AtomicLong();
        Map<String, AtomicInteger> others = new ConcurrentHashMap<>();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            boolean revalidates = i < revalidating;
            SplittableRandom random = new SplittableRandom(i);
            pool.execute(() -> {
                Map<String, String> etags = new HashMap<>();
                while (running.get()) {
                    Read kind = Read.pick(random);
                    String path = path(kind, random);
                    long start = System.nanoTime();
                    HttpResponse<byte[]> answer = get(path, revalidates ? etags.get(path) : null);
                    long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
                    if (revalidates && answer != null) {
                        answer.headers().firstValue("ETag").ifPresent(etag -> etags.put(path, etag));
                    }
                    int status = answer == null ? -1 : answer.statusCode();
                    if (!measuring.get()) {
                        continue;
                    }
                    if (status == 200 || status == 304) {
                        recorder.recordValue(micros);
                        byKind.computeIfAbsent(kind, k -> new Recorder(3)).recordValue(micros);
                        reads.incrementAndGet();
                        if (status == 304) {
                            notModified.incrementAndGet();
                        }
                        if (answer.headers().firstValue("Age").isPresent()) {
                            fromCopy.incrementAndGet();
                        }
                    } else {
                        others.computeIfAbsent(kind + " " + status, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });
        }
        Thread.sleep(step.toMillis());
        recorder.reset();
        Map<String, Long> cpuBefore = ProcFs.cpuMillis(platform);
        measuring.set(true);
        long began = System.nanoTime();
        Thread.sleep(step.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - began) / 1e9;
        Map<String, Long> cpuAfter = ProcFs.cpuMillis(platform);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Histogram latency = recorder.getIntervalHistogram();
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);

        System.out.printf("%n| clients (revalidating) | reads/s | p50 ms | p95 ms | p99 ms | 304 share | from the"
                + " gateway's copy | other answers | load average |%n|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf("| %d (%d) | %.0f | %.1f | %.1f | %.1f | %.1f %% | %.1f %% | %s | %.2f |%n", clients,
                revalidating, reads.get() / seconds, ms(latency, 50), ms(latency, 95), ms(latency, 99),
                100.0 * notModified.get() / Math.max(1, reads.get()), 100.0 * fromCopy.get() / Math.max(1,
                        reads.get()), others.isEmpty() ? "none" : new TreeMap<>(others), load);
        System.out.printf("%n| read | share | p50 ms | p99 ms |%n|---|---|---|---|%n");
        for (Read kind : Read.values()) {
            Recorder kindRecorder = byKind.get(kind);
            Histogram h = kindRecorder == null ? new Histogram(3) : kindRecorder.getIntervalHistogram();
            System.out.printf("| %s | %d %% | %.1f | %.1f |%n", kind, kind.share, ms(h, 50), ms(h, 99));
        }
        Map<String, Double> cpu = ProcFs.perAnswer(cpuBefore, cpuAfter, reads.get());
        System.out.printf("%nCPU ms per read%n%n| %s | all but the launcher |%n|%s---|%n",
                String.join(" | ", cpu.keySet()), "---|".repeat(cpu.size()));
        System.out.printf("| %s | %.2f |%n", String.join(" | ", cpu.values().stream()
                .map(v -> String.format("%.2f", v)).toList()), cpu.entrySet().stream()
                .filter(e -> !e.getKey().equals(ProcFs.LAUNCHER)).mapToDouble(Map.Entry::getValue).sum());
    }

    private String path(Read kind, SplittableRandom random) {
        return switch (kind) {
            case SEARCH -> {
                String q = "/api/v1/innovations?q=" + URLEncoder.encode(WORDS.get(random.nextInt(WORDS.size())),
                        StandardCharsets.UTF_8);
                int filter = random.nextInt(4);
                yield filter == 0 ? q + "&opdCode=" + opdCodes.get(random.nextInt(opdCodes.size()))
                        : filter == 1 ? q + "&field=" + FIELDS.get(random.nextInt(FIELDS.size())) : q;
            }
            case INNOVATION -> "/api/v1/innovations/" + innovations.get(random.nextInt(innovations.size()));
            case SIMILAR -> "/api/v1/innovations/" + innovations.get(random.nextInt(innovations.size()))
                    + "/similar";
            case OVERVIEW -> "/api/v1/stats/overview";
            case BREAKDOWN -> "/api/v1/stats/breakdown?by=" + DIMENSIONS.get(random.nextInt(DIMENSIONS.size()));
        };
    }

    private HttpResponse<byte[]> get(String path, String etag) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Submits {@code count} innovations directly to submission-service (a signed portal identity), waits for the
     * catalogue to apply each, then verifies and publishes it directly at catalog-service (a signed reviewer).
     */
    private static void seed(int count, List<String> opdCodes, int offset) throws InterruptedException {
        Instant began = Instant.now();
        System.out.printf("Publishing %d innovations...%n", count);
        ApiClient intake = new ApiClient("http://127.0.0.1:" + LocalPlatform.SUBMISSION_PORT, "submission-service");
        ApiClient catalog = new ApiClient("http://127.0.0.1:" + LocalPlatform.CATALOG_PORT, "catalog-service");
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int i = 0; i < count; i++) {
            int n = offset + i;
            pool.execute(() -> {
                String opd = opdCodes.get(n % opdCodes.size());
                String title = NOUNS.get(n % NOUNS.size()) + " " + TOPICS.get(n / NOUNS.size() % TOPICS.size())
                        + " " + opd + " nomor " + n;
                Map<String, String> headers = new HashMap<>(TestIdentities.portal("reads-portal", opd));
                headers.put("Idempotency-Key", "reads-seed-" + n);
                Answer accepted = intake.post("/api/v1/submissions", headers, Proposals.json(title, opd,
                        FIELDS.get(n % FIELDS.size()), 2018 + n % 8));
                if (accepted.status() != 202) {
                    throw new IllegalStateException("Seeding failed: " + accepted);
                }
                ids.add(accepted.body().path("innovationId").asString());
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        System.out.printf("  submitted in %d s%n", Duration.between(began, Instant.now()).toSeconds());
        ExecutorService reviewers = Executors.newFixedThreadPool(16);
        AtomicLong published = new AtomicLong();
        for (String id : ids) {
            reviewers.execute(() -> {
                for (String decision : List.of("VERIFY", "PUBLISH")) {
                    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
                    int status;
                    while ((status = catalog.post("/api/v1/innovations/" + id + "/review",
                            TestIdentities.reviewer("reads-reviewer"), "{\"decision\":\"" + decision + "\"}")
                            .status()) == 404 && Instant.now().isBefore(deadline)) {
                        ServiceProcess.sleep(200);
                    }
                    if (status != 200) {
                        throw new IllegalStateException(decision + " of " + id + ": " + status);
                    }
                }
                published.incrementAndGet();
            });
        }
        reviewers.shutdown();
        reviewers.awaitTermination(60, TimeUnit.MINUTES);
        System.out.printf("  %d published, %d s in all%n", published.get(),
                Duration.between(began, Instant.now()).toSeconds());
    }

    /** The ids of every published innovation, read page by page directly from catalog-service as the public. */
    private static List<String> publishedIds() {
        ApiClient catalog = new ApiClient("http://127.0.0.1:" + LocalPlatform.CATALOG_PORT, "catalog-service");
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            JsonNode items = catalog.get("/api/v1/innovations?withFacets=false&size=100&page=" + page,
                    TestIdentities.anonymous()).body().path("items");
            items.forEach(item -> ids.add(item.path("id").asString()));
            if (items.size() < 100) {
                break;
            }
        }
        return ids;
    }

    /** The OPD codes of the registry, as the public reads them through the gateway. */
    private static List<String> opdCodes() {
        List<String> codes = new ArrayList<>();
        new ApiClient("http://127.0.0.1:" + LocalPlatform.GATEWAY_PORT).get("/api/v1/opds", Map.of()).body()
                .forEach(opd -> codes.add(opd.path("code").asString()));
        return codes;
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
