package id.go.bangka.inovasi.catalog.bench;

import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.management.ThreadMXBean;
import de.bwaldvogel.mongo.MongoServer;
import id.go.bangka.inovasi.catalog.innovation.Decision;
import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.search.CatalogFilter;
import id.go.bangka.inovasi.catalog.search.CatalogSort;
import id.go.bangka.inovasi.catalog.search.LuceneSearchIndex;
import id.go.bangka.inovasi.catalog.search.SearchHits;
import id.go.bangka.inovasi.catalog.search.SearchProperties;
import id.go.bangka.inovasi.catalog.search.SearchQuery;
import id.go.bangka.inovasi.catalog.search.SnapshotIndexer;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.events.fixtures.Snapshots;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.kafka.KafkaClientSettings;
import id.go.bangka.inovasi.platform.readmodel.CatchUpTracker;
import id.go.bangka.inovasi.platform.readmodel.ReadModelFeed;
import id.go.bangka.inovasi.platform.readmodel.ReadModelRecords;
import id.go.bangka.inovasi.platform.readmodel.TopicRestore;
import id.go.bangka.inovasi.standin.MongoStandIns;
import id.go.bangka.inovasi.testsupport.BenchmarkRunner;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.TestKafkaClients;
import id.go.bangka.inovasi.testsupport.TopicReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.UuidRepresentation;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Search over a catalogue of N innovations (default 10,000; second argument: measured runs per query, default 200,
 * each query first run as many times to warm it up, as a serving replica is; third: rounds of the rebuild against the
 * consumer, default 3),
 * with the production code: the Lucene index answers ids, total and facets, and the page's records are read from
 * MongoDB by id and highlighted, as the controller does (with the calling thread's CPU time and the bytes it allocated
 * per query). Also times the index's rebuild through the production start-up restore against a bare consumer decoding
 * the same records (with the process's CPU time), and states the index's size. Run:
 * {@code mvn -B -q -pl catalog-service -am -DskipTests install && mvn -B -q -pl catalog-service test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=id.go.bangka.inovasi.catalog.bench.SearchBenchmark
 * -Dexec.args="10000"}. Uses the in-JVM MongoDB stand-in unless {@code MONGODB_URI} is set.
 */
public final class SearchBenchmark {

    /** Published innovations whose similar ones are asked in turn, as visitors of many innovation pages do. */
    private static final int SIMILAR_IN_TURN = 200;
    private static final String[] WORDS = {"pelayanan", "kesehatan", "pendidikan", "desa", "digital", "aplikasi",
        "sampah", "pangan", "nelayan", "posyandu", "perizinan", "kependudukan", "pariwisata", "lada", "timah",
        "sekolah", "puskesmas", "pengaduan", "keliling", "terpadu", "cepat", "mandiri", "bersih", "sehat", "air"};
    private static final String[] FILLER = {"masyarakat", "program", "kegiatan", "kabupaten", "bangka", "data",
        "inovasi", "warga", "petugas", "waktu", "biaya", "hasil", "tujuan", "manfaat", "metode", "tahun", "kantor",
        "kecamatan", "kelurahan", "sistem", "informasi", "laporan", "anggaran", "tim", "pelatihan", "jaringan"};
    private static final String[] OPDS = {"DINKES", "DISDIK", "DINSOS", "DISTAN", "DISDUKCAPIL", "DPMPTSP",
        "DISKOMINFO", "KEC-SUNGAILIAT", "KEC-BELINYU", "PKM-BATURUSA"};

    private SearchBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkRunner.runAndExit(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String uri = System.getenv("MONGODB_URI");
        MongoServer server = null;
        if (uri == null || uri.isBlank()) {
            server = MongoStandIns.inMemory(0);
            uri = MongoStandIns.uri(server);
        }
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri)).uuidRepresentation(UuidRepresentation.STANDARD)
                .build())) {
            MongoTemplate mongo = new MongoTemplate(client, "inovasi_search_bench");
            mongo.dropCollection(Innovation.class);
            InnovationStore store = new InnovationStore(mongo, event -> { });
            store.ensureIndexes();
            long loadStart = System.nanoTime();
            List<InnovationChanged> snapshots = load(mongo, count);
            System.out.printf("Loaded %,d innovations in %.1f s (%s)%n", count,
                    (System.nanoTime() - loadStart) / 1e9, server == null ? uri : "MongoDB stand-in, memory");
            LuceneSearchIndex index = rebuild(snapshots, rounds);
            CallerIdentity reviewer = new CallerIdentity("bench", Set.of("reviewer"), Set.of(), "bench");
            CallerIdentity visitor = CallerIdentity.anonymous("bench");
            System.out.printf("%-64s %9s %9s %9s %9s %12s %9s%n", "query (page of 20 + total)", "p50 ms", "p99 ms",
                    "matches", "CPU p50", "warm-up p50", "KiB p50");
            search("q=layanan (reviewer)", index, store, filter("layanan", null), reviewer, false, runs);
            search("q=kesehatan desa, field=HEALTH (reviewer)", index, store,
                    filter("kesehatan desa", InnovationField.HEALTH), reviewer, false, runs);
            search("no q, newest first (public)", index, store, filter(null, null), visitor, false, runs);
            search("q=layanan + facets (reviewer)", index, store, filter("layanan", null), reviewer, true, runs);
            search("q=kesehtan desa (typo) + facets (public)", index, store, filter("kesehtan desa", null), visitor,
                    true, runs);
            search("no q + facets (public)", index, store, filter(null, null), visitor, true, runs);
            measure("suggest posyandu ke (public)", runs,
                    () -> (long) index.suggest("posyandu ke", visitor, 8).size());
            UUID some = index.search(new SearchQuery(filter("posyandu", null), visitor, CatalogSort.RELEVANCE, 0, 1,
                    false)).ids().get(0);
            // A version never asked before makes each answer anew; the same version is answered from those kept.
            long[] anew = {Long.MAX_VALUE / 2};
            InnovationChanged.Content someLike = store.find(some).orElseThrow().content();
            measure("similar, 6, asked anew (public)", runs,
                    () -> (long) index.similar(some, anew[0]++, someLike, visitor, 6).size());
            List<UUID> published = index.search(new SearchQuery(filter(null, null), visitor, CatalogSort.NEWEST, 0,
                    SIMILAR_IN_TURN, false)).ids();
            List<Innovation> likes = published.stream().map(id -> store.find(id).orElseThrow()).toList();
            int[] turn = {0};
            measure("similar, 6, " + published.size() + " innovations in turn, asked anew (public)", runs, () -> {
                Innovation like = likes.get(turn[0]++ % likes.size());
                return (long) index.similar(like.id(), anew[0]++, like.content(), visitor, 6).size();
            });
            measure("similar, 6, " + published.size() + " innovations in turn, kept (public)", runs, () -> {
                Innovation like = likes.get(turn[0]++ % likes.size());
                return (long) index.similar(like.id(), like.version(), like.content(), visitor, 6).size();
            });
            index.destroy();
        } finally {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    /**
     * Writes the snapshots to {@code inovasi.catalog.v1} on an embedded broker, reads them back with a bare consumer
     * (bytes only), then, {@code rounds} times, with a bare consumer decoding each and rebuilds the index from them
     * with the production start-up restore (platform-starter's {@link TopicRestore} and the {@link SnapshotIndexer},
     * timed until the catch-up check reports ready, which is after the one refresh), each round into a new index, and
     * states the last index's size. CPU: of the whole process, so the broker's share is included in both; JIT and
     * GC: the JVM's compilation and collection time in the same window. The first round runs Lucene's code cold, as a
     * replica's start does; the ratios of all rounds show how much one run varies on a shared machine.
     */
    private static LuceneSearchIndex rebuild(List<InnovationChanged> snapshots, int rounds) throws Exception {
        String bootstrap = EmbeddedInfrastructure.get().kafkaBootstrapServers();
        Snapshots.publish(bootstrap, snapshots);
        consume(bootstrap, payload -> { });
        Window bytes = Window.start();
        long bytesOnly = consume(bootstrap, payload -> { });
        System.out.printf("bare KafkaConsumer of %,d snapshots, bytes only: %d ms (%s)%n", snapshots.size(),
                bytesOnly, bytes.end(bytesOnly));
        LuceneSearchIndex index = null;
        double[] ratios = new double[rounds];
        for (int round = 1; round <= rounds; round++) {
            if (index != null) {
                index.destroy();
            }
            Window decode = Window.start();
            long decoding = consume(bootstrap, payload -> EventCodec.decode(payload, InnovationChanged.class));
            System.out.printf("round %d: decoding each: %d ms (%s)%n", round, decoding, decode.end(decoding));
            System.gc();
            long heapBefore = usedHeap();
            SearchProperties properties = new SearchProperties(null, Duration.ofMillis(100), null, null, null);
            index = new LuceneSearchIndex(properties);
            ReadModelFeed feed = new ReadModelFeed("search", Topics.CATALOG, "indexSnapshot-in-0",
                    new SnapshotIndexer(index, properties), null);
            KafkaClientSettings kafka = TestKafkaClients.settings(bootstrap);
            CatchUpTracker tracker = new CatchUpTracker(kafka, feed);
            tracker.progress();
            TopicRestore restore = new TopicRestore(kafka, feed, new ReadModelRecords(feed, tracker));
            Window rebuild = Window.start();
            restore.start();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> tracker.progress().caughtUp());
            long rebuilt = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - rebuild.nanos());
            String rebuildCosts = rebuild.end(rebuilt);
            restore.stop();
            ratios[round - 1] = (double) rebuilt / decoding;
            System.gc();
            System.out.printf("round %d: index rebuilt from the topic in %d ms (%s, %d threads): %.2f x the decoding"
                    + " consumer, CPU %.2f x its CPU; on disk %.1f MB; heap held %.1f MB%n", round, rebuilt,
                    rebuildCosts, properties.rebuild().threads(), ratios[round - 1],
                    (double) rebuild.cpu() / decode.cpu(), index.bytesOnDisk() / 1e6,
                    (usedHeap() - heapBefore) / 1e6);
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf("rebuild / decoding consumer over %d rounds: first (cold) %.2f x, median %.2f x, lowest %.2f"
                + " x, highest %.2f x%n", rounds, ratios[0], sorted[rounds / 2], sorted[0], sorted[rounds - 1]);
        return index;
    }

    /** The process's CPU, JIT compilation and GC time from its start to its end. */
    private static final class Window {

        private final long nanos = System.nanoTime();
        private final long cpuStart = processCpu();
        private final long jitStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        private final long gcStart = gcTime();
        private long cpu;

        static Window start() {
            return new Window();
        }

        long nanos() {
            return nanos;
        }

        long cpu() {
            return cpu;
        }

        /** Ends the window: its CPU, cores kept busy over the given wall time, JIT and GC time. */
        String end(long wallMillis) {
            cpu = processCpu() - cpuStart;
            return String.format("CPU %d ms, %.2f cores busy, JIT %d ms, GC %d ms", cpu,
                    (double) cpu / Math.max(1, wallMillis),
                    ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitStart,
                    gcTime() - gcStart);
        }

        private static long gcTime() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }
    }

    private static long processCpu() {
        return TimeUnit.NANOSECONDS.toMillis(((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
    }

    private static long consume(String bootstrap, Consumer<byte[]> apply) {
        return TopicReader.readAll(bootstrap, Topics.CATALOG, apply);
    }

    private static long usedHeap() {
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static CatalogFilter filter(String q, InnovationField field) {
        return new CatalogFilter(q, field, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static void search(String name, LuceneSearchIndex index, InnovationStore store, CatalogFilter filter,
            CallerIdentity caller, boolean facets, int runs) {
        CatalogSort sort = filter.q() == null ? CatalogSort.NEWEST : CatalogSort.RELEVANCE;
        measure(name, runs, () -> {
            SearchHits hits = index.search(new SearchQuery(filter, caller, sort, 0, 20, facets));
            store.findAll(hits.ids()).forEach(i -> hits.highlighter().highlight(i.id(), i.content()));
            return hits.total();
        });
    }

    /**
     * Runs the query {@code runs} times to warm it up (the JIT compiles the query's path meanwhile; their p50 is shown
     * too), then {@code runs} times measured.
     */
    private static void measure(String name, int runs, Supplier<Long> query) {
        long[] warming = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            warming[i] = System.nanoTime() - start;
        }
        ThreadMXBean thread = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] nanos = new long[runs];
        long[] cpuNanos = new long[runs];
        long[] bytes = new long[runs];
        long matches = 0;
        for (int i = 0; i < runs; i++) {
            long allocatedBefore = thread.getCurrentThreadAllocatedBytes();
            long cpuStart = thread.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            matches = query.get();
            nanos[i] = System.nanoTime() - start;
            cpuNanos[i] = thread.getCurrentThreadCpuTime() - cpuStart;
            bytes[i] = thread.getCurrentThreadAllocatedBytes() - allocatedBefore;
        }
        Arrays.sort(warming);
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        Arrays.sort(bytes);
        System.out.printf("%-64s %9.2f %9.2f %9d %9.2f %12.2f %9d%n", name, nanos[runs / 2] / 1e6,
                nanos[runs * 99 / 100] / 1e6, matches, cpuNanos[runs / 2] / 1e6, warming[runs / 2] / 1e6,
                bytes[runs / 2] >> 10);
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(FILLER[random.nextInt(FILLER.length)]);
        }
        if (random.nextInt(10) == 0) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static List<InnovationChanged> load(MongoTemplate mongo, int count) {
        Random random = new Random(42);
        List<Innovation> batch = new ArrayList<>();
        List<InnovationChanged> snapshots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
                    + WORDS[random.nextInt(WORDS.length)] + " " + i;
            InnovationField field = InnovationField.values()[random.nextInt(InnovationField.values().length)];
            Instant at = Instant.parse("2021-01-01T00:00:00Z").plusSeconds(random.nextInt(150_000_000));
            InnovationProposal template = Proposals.full(title, OPDS[random.nextInt(OPDS.length)], field,
                    2016 + random.nextInt(10));
            InnovationProposal proposal = new InnovationProposal(template.title(), template.opdCode(),
                    template.source(), template.initiatorType(), template.initiatorName(), false, field,
                    template.governmentAffair(), template.secondaryAffairs(), template.form(), template.kind(),
                    template.stage(), template.programme(), template.year(), template.trialDate(),
                    template.implementationDate(), words(random, 60), words(random, 12), words(random, 12),
                    words(random, 12), template.links());
            Innovation innovation = Innovation.created(UUID.randomUUID(), proposal, at,
                    new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, at, "bench", UUID.randomUUID()));
            if (random.nextBoolean()) {
                InnovationChanged.LastChange review =
                        new InnovationChanged.LastChange(ChangeKind.REVIEW_DECISION, at, "bench", null);
                innovation = innovation.decide(Decision.VERIFY, null, null, null, review).next()
                        .decide(Decision.PUBLISH, null, null, null, review).next();
            }
            batch.add(innovation);
            snapshots.add(innovation.toSnapshot());
            if (batch.size() == 1000) {
                mongo.insertAll(batch);
                batch.clear();
            }
        }
        mongo.insertAll(batch);
        return snapshots;
    }
}
