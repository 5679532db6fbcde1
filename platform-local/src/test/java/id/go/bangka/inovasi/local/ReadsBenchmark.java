package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.ProcFs;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Public reads through the gateway: starts the local platform as {@code ./run-local.sh} does (fixed ports, the
 * services' production JVM options or {@code INOVASI_JAVA_OPTS}) with its data under
 * {@code platform-local/target/reads-bench}, kept between runs; publishes innovations until the catalogue holds the
 * asked number (directly at the services, as a signed portal and reviewer), then sends anonymous reads through the
 * gateway with wrk ({@code apt-get install wrk}), {@code clients} threads of one connection each in a closed loop,
 * each picking its next read from the mix a visitor of Katalog, an innovation page and Dasbor makes
 * ({@code reads-mix.lua}): a search (a word, half of them with an OPD or field filter, facets counted), an
 * innovation, its similar innovations, the overview and a breakdown. A share of the clients revalidates like a
 * browser: each remembers the ETag of every address it read and sends it as {@code If-None-Match} (a 304 counts as a
 * read). The anonymous rate limit is raised (still evaluated). Prints reads/s, p50/p95/p99, the share of 304s, the
 * share answered from the gateway's copies (an {@code Age} header; {@code INOVASI_GATEWAY_PUBLIC_CACHE=false} in the
 * environment turns them off, for the "before") and the CPU milliseconds every process spent per read (from
 * {@code /proc/<pid>/stat}; wrk's own as a child's of the launcher) as Markdown for docs/benchmarks.md. Before the
 * measured run, wrk runs in rounds as long until the JIT has compiled the hot paths (a process still compiling spends
 * most of its CPU on that, which counts as its CPU): until the JIT compiler threads take at most 5 % of the CPU of the
 * platform's processes in a round, at most 20 rounds. The JIT's share of the measured run is printed too. Run from
 * {@code platform-local} (Maven's exec does). Arguments: innovations (default 10000), seconds measured (default 30),
 * clients (default 16), revalidating clients (default a quarter), {@code gzip} to ask for compressed answers as
 * browsers do.
 */
public final class ReadsBenchmark {

    /** The launcher's row: the JVM of the stand-in and of this benchmark, idle while wrk sends. */
    private static final String LAUNCHER = "launcher (stand-in)";
    private static final String LOAD_GENERATOR = "wrk (load generator)";
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
        // Stopped by a signal too (Ctrl-C, SIGTERM), the platform's processes end with this JVM.
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "benchmark-stop"));
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
            benchmark.run(platform, data, step, clients, revalidating);
        } finally {
            System.exit(0);
        }
    }

    private void run(LocalPlatform platform, Path data, Duration step, int clients, int revalidating)
            throws Exception {
        Path script = data.resolve("reads-mix.lua");
        try (InputStream source = ReadsBenchmark.class.getResourceAsStream("/reads-mix.lua")) {
            Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path mix = Files.writeString(data.resolve("reads-mix-data.lua"), mixData(revalidating));
        List<String> wrk = List.of("wrk", "-t" + clients, "-c" + clients, "-d" + step.toSeconds() + "s", "--timeout",
                "30s", "-s", script.toString(), gateway, "--", mix.toString());
        JitWarmUp.untilSettled(platform, () -> String.format("%.0f reads/s", readsPerSecond(figures(runWrk(wrk)))));
        Map<String, Long> cpuBefore = cpuMillis(platform);
        Map<String, Long> jitBefore = ProcFs.jitMillis(platform.pids());
        Instant began = Instant.now();
        String result = runWrk(wrk);
        Instant ended = Instant.now();
        Map<String, Long> cpuAfter = cpuMillis(platform);
        Map<String, Long> jitAfter = ProcFs.jitMillis(platform.pids());
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Map<String, Long> figures = figures(result);
        long reads = figures.get("reads");
        System.out.printf("%n| clients (revalidating) | reads/s | p50 ms | p95 ms | p99 ms | 304 share | from the"
                + " gateway's copy | other answers, failures | load average |%n%s%n", "|---".repeat(9) + "|");
        System.out.printf("| %d (%d) | %.0f | %.1f | %.1f | %.1f | %.1f %% | %.1f %% | %d, %d | %.2f |%n", clients,
                revalidating, readsPerSecond(figures), figures.get("p50") / 1000.0, figures.get("p95") / 1000.0,
                figures.get("p99") / 1000.0, 100.0 * figures.get("not_modified") / Math.max(1, reads),
                100.0 * figures.get("from_copy") / Math.max(1, reads), figures.get("others"), figures.get("failed"),
                load);
        System.out.printf("%n| read | share asked | share read |%n|---|---|---|%n");
        for (Read kind : Read.values()) {
            System.out.printf("| %s | %d %% | %.1f %% |%n", kind, kind.share,
                    100.0 * figures.getOrDefault(kind.name(), 0L) / Math.max(1, reads));
        }
        Map<String, Double> cpu = ProcFs.perAnswer(cpuBefore, cpuAfter, reads);
        System.out.printf("%nCPU ms per read%n%n| %s | all but the load generator |%n|%s---|%n",
                String.join(" | ", cpu.keySet()), "---|".repeat(cpu.size()));
        System.out.printf("| %s | %.2f |%n", String.join(" | ", cpu.values().stream()
                .map(v -> String.format("%.2f", v)).toList()), cpu.entrySet().stream()
                .filter(e -> !e.getKey().equals(LOAD_GENERATOR)).mapToDouble(Map.Entry::getValue).sum());
        Map<String, Double> jit = ProcFs.perAnswer(jitBefore, jitAfter, reads);
        System.out.printf("%nOf which the JIT compiler threads: %s%n", jit.entrySet().stream()
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        System.out.printf("%nMeasured from %s to %s UTC; processes (for their collectors' logs): %s%n",
                LocalTime.ofInstant(began, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
                LocalTime.ofInstant(ended, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), platform.pids().entrySet()
                        .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    }

    /** The figures of reads-mix.lua's line {@code MIX name=value ...}, by name. */
    private static Map<String, Long> figures(String wrkOutput) {
        Map<String, Long> figures = new TreeMap<>();
        for (String field : wrkOutput.substring(wrkOutput.indexOf("MIX ") + 4).strip().split(" ")) {
            int equals = field.indexOf('=');
            figures.put(field.substring(0, equals), Long.parseLong(field.substring(equals + 1)));
        }
        return figures;
    }

    private static double readsPerSecond(Map<String, Long> figures) {
        return figures.get("reads") / (figures.get("micros") / 1e6);
    }

    /** The mix's data for reads-mix.lua: the innovations, OPD codes, words, the shares of {@link Read}. */
    private String mixData(int revalidating) {
        StringBuilder lua = new StringBuilder("mix = {\n");
        lua.append("  revalidating = ").append(revalidating).append(",\n");
        lua.append("  gzip = ").append(gzip).append(",\n");
        lua.append("  shares = {");
        for (Read kind : Read.values()) {
            lua.append(" { \"").append(kind.name()).append("\", ").append(kind.share).append(" },");
        }
        lua.append(" },\n");
        lua.append("  words = ").append(luaList(WORDS.stream()
                .map(w -> URLEncoder.encode(w, StandardCharsets.UTF_8)).toList())).append(",\n");
        lua.append("  opds = ").append(luaList(opdCodes)).append(",\n");
        lua.append("  fields = ").append(luaList(FIELDS)).append(",\n");
        lua.append("  dimensions = ").append(luaList(DIMENSIONS)).append(",\n");
        lua.append("  innovations = ").append(luaList(innovations)).append(",\n");
        return lua.append("}\n").toString();
    }

    private static String luaList(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "{ ", " }"));
    }

    /**
     * Runs wrk to its end and returns what it printed; its CPU is counted as the launcher's children's (Linux adds a
     * child's CPU to its parent's once the parent has waited for it).
     */
    private static String runWrk(List<String> command) throws IOException, InterruptedException {
        Process wrk;
        try {
            wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("ReadsBenchmark sends its load with wrk: apt-get install wrk", e);
        }
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0 || !output.contains("MIX ")) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        return output;
    }

    /**
     * CPU milliseconds so far of the launcher JVM (the stand-in; the launcher itself idles while wrk sends), of wrk
     * once waited for, and of each of the platform's processes.
     */
    private static Map<String, Long> cpuMillis(LocalPlatform platform) {
        long launcher = ProcessHandle.current().pid();
        Map<String, Long> cpu = new LinkedHashMap<>();
        cpu.put(LAUNCHER, ProcFs.cpuMillis(launcher));
        cpu.put(LOAD_GENERATOR, ProcFs.childrenCpuMillis(launcher));
        cpu.putAll(ProcFs.cpuMillis(platform.pids()));
        return cpu;
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
}
