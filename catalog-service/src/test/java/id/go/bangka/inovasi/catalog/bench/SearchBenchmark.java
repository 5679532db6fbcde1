package id.go.bangka.inovasi.catalog.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import id.go.bangka.inovasi.catalog.innovation.Decision;
import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.search.CatalogFilter;
import id.go.bangka.inovasi.catalog.search.CatalogSort;
import id.go.bangka.inovasi.catalog.search.Facets;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.standin.MongoStandIns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.UuidRepresentation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Search latency over a catalogue of N innovations (default 10,000; second argument: measured runs per query, default
 * 200), with the production query code. Run:
 * {@code mvn -B -q -pl catalog-service -am -DskipTests install && mvn -B -q -pl catalog-service test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=id.go.bangka.inovasi.catalog.bench.SearchBenchmark
 * -Dexec.args="10000"}. Uses the in-JVM MongoDB stand-in unless {@code MONGODB_URI} is set; on the stand-in every
 * query is a collection scan (it keeps no secondary indexes), so its figures are an upper bound for real MongoDB.
 */
public final class SearchBenchmark {

    private static final String[] WORDS = {"pelayanan", "kesehatan", "pendidikan", "desa", "digital", "aplikasi",
        "sampah", "pangan", "nelayan", "posyandu", "perizinan", "kependudukan", "pariwisata", "lada", "timah",
        "sekolah", "puskesmas", "pengaduan", "keliling", "terpadu", "cepat", "mandiri", "bersih", "sehat", "air"};
    private static final String[] FILLER = {"masyarakat", "program", "kegiatan", "kabupaten", "bangka", "data",
        "inovasi", "warga", "petugas", "waktu", "biaya", "hasil", "tujuan", "manfaat", "metode", "tahun", "kantor",
        "kecamatan", "kelurahan", "sistem", "informasi", "laporan", "anggaran", "tim", "pelatihan", "jaringan"};
    private static final String[] OPDS = {"DINKES", "DISDIK", "DINSOS", "DISTAN", "DISDUKCAPIL", "DPMPTSP",
        "DISKOMINFO", "KEC-SUNGAILIAT", "KEC-BELINYU", "PKM-BATURUSA"};
    private static final int WARMUP = 30;

    private SearchBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
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
            load(mongo, count);
            System.out.printf("Loaded %,d innovations in %.1f s (%s)%n", count,
                    (System.nanoTime() - loadStart) / 1e9, server == null ? uri : "MongoDB stand-in, memory");
            Facets facets = new Facets(mongo);
            CallerIdentity reviewer = new CallerIdentity("bench", Set.of("reviewer"), Set.of(), "bench");
            CallerIdentity visitor = CallerIdentity.anonymous("bench");
            System.out.printf("%-48s %9s %9s %9s%n", "query (page of 20 + total)", "p50 ms", "p99 ms", "matches");
            measure("q=layanan (reviewer)", store, filter("layanan", null), reviewer, null, runs);
            measure("q=kesehatan desa, field=HEALTH (reviewer)", store, filter("kesehatan desa",
                    InnovationField.HEALTH), reviewer, null, runs);
            measure("no q, newest first (public)", store, filter(null, null), visitor, null, runs);
            measure("q=layanan + facets (reviewer)", store, filter("layanan", null), reviewer, facets, runs);
        } finally {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    private static CatalogFilter filter(String q, InnovationField field) {
        return new CatalogFilter(q, field, null, null, null, null, null, null, null, null, null, null);
    }

    private static void measure(String name, InnovationStore store, CatalogFilter filter, CallerIdentity caller,
            Facets facets, int runs) {
        Criteria criteria = filter.criteria(caller);
        Supplier<Long> query = () -> {
            store.page(criteria, 0, 20, CatalogSort.NEWEST.sort());
            if (facets != null) {
                facets.count(criteria);
            }
            return store.count(criteria);
        };
        long matches = 0;
        for (int i = 0; i < WARMUP; i++) {
            matches = query.get();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-48s %9.2f %9.2f %9d%n", name, nanos[runs / 2] / 1e6, nanos[runs * 99 / 100] / 1e6,
                matches);
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

    private static void load(MongoTemplate mongo, int count) {
        Random random = new Random(42);
        List<Innovation> batch = new ArrayList<>();
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
            if (batch.size() == 1000) {
                mongo.insertAll(batch);
                batch.clear();
            }
        }
        mongo.insertAll(batch);
    }
}
