package id.go.bangka.inovasi.catalog.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import id.go.bangka.inovasi.catalog.CatalogServiceApplication;
import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.events.Caller;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.events.fixtures.Submissions;
import id.go.bangka.inovasi.testsupport.BenchmarkRunner;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Catalogue consumer catch-up: N submissions (creates of distinct innovations) waiting on
 * {@code inovasi.submissions.v1}, applied by catalog-service started against them, compared in the same run with a
 * bare KafkaConsumer reading and decoding the same records and with a bare loop making the same MongoDB writes per
 * submission through the plain driver (insert the innovation, insert the outcome, mark its snapshot published), one
 * at a time as the consumer does. Uses a Kafka broker and the MongoDB
 * stand-in (memory backend) in this JVM, which holds every document: give it the heap ({@code MAVEN_OPTS=-Xmx8g} for
 * 100,000). Arguments: submissions (default 100000), then any catalog-service property
 * as {@code --name=value} (to try a setting). Run:
 * {@code mvn -B -q -DskipTests install && MAVEN_OPTS=-Xmx8g mvn -B -q -pl catalog-service test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=id.go.bangka.inovasi.catalog.bench.CatchUpBenchmark
 * -Dexec.args="100000"}.
 */
public final class CatchUpBenchmark {

    private static final String[] OPDS = {"DINKES", "DISDIK", "DINSOS", "DISTAN", "DISDUKCAPIL", "DPMPTSP",
        "DISKOMINFO", "KEC-SUNGAILIAT", "KEC-BELINYU", "PKM-BATURUSA"};
    private static final String DATABASE = "inovasi_catchup_bench";

    private CatchUpBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkRunner.runAndExit(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.startNew();
        String bootstrap = infrastructure.kafkaBootstrapServers();
        long writeStart = System.nanoTime();
        write(bootstrap, n);
        System.out.printf("wrote %,d submissions in %d ms%n", n, millisSince(writeStart));

        double bare = bareConsumer(bootstrap, n);
        System.out.printf("bare KafkaConsumer, decode each submission: %,.0f submissions/s%n", bare);

        Result catalogue = catalogue(infrastructure, n, Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        System.out.printf("catalog-service: context started in %d ms (%,d applied by then), then %,d applied in %d ms:"
                + " %,.0f submissions/s%n", catalogue.startMillis(), catalogue.appliedAtStart(),
                n - catalogue.appliedAtStart(), catalogue.applyMillis(), catalogue.rate());

        double loop = bareMongoLoop(infrastructure.mongoUri());
        System.out.printf("bare MongoDB loop, the same three writes per submission: %,.0f submissions/s%n", loop);
        System.out.printf("| %,d | %,.0f | %,.0f | %,.0f | %.2f | %.2f |%n", n, bare, loop, catalogue.rate(),
                catalogue.rate() / loop, catalogue.rate() / bare);
    }

    private static void write(String bootstrap, int n) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(Topics.SUBMISSIONS, Topics.PARTITIONS, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            Instant at = Instant.parse("2026-01-05T01:00:00Z");
            for (int i = 0; i < n; i++) {
                String opd = OPDS[i % OPDS.length];
                SubmissionReceived event = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(),
                        SubmissionAction.CREATE, 0, new Caller("portal-" + opd, "portal"), opd, at.plusMillis(i),
                        Proposals.full("Inovasi layanan nomor " + i, opd,
                                InnovationField.values()[i % InnovationField.values().length], 2020 + i % 7),
                        null);
                producer.send(Submissions.record(event));
            }
            producer.flush();
        }
    }

    private static double bareConsumer(String bootstrap, int n) {
        long start = System.nanoTime();
        int read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUBMISSIONS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < n) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    EventCodec.decode(record.value(), SubmissionReceived.class);
                    read++;
                }
            }
        }
        return n / secondsSince(start);
    }

    private record Result(long startMillis, long appliedAtStart, long applyMillis, int n) {

        double rate() {
            return (n - appliedAtStart) / (applyMillis / 1000.0);
        }
    }

    private static Result catalogue(Infrastructure infrastructure, int n, String[] settings)
            throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infrastructure.mongoUri(), "--spring.mongodb.database=" + DATABASE,
                "--inovasi.identity.secret=" + Infrastructure.IDENTITY_SECRET, "--spring.jmx.enabled=false",
                "--logging.level.id.go.bangka.inovasi.catalog.intake=WARN"));
        arguments.addAll(List.of(settings));
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CatalogServiceApplication.class)
                .run(arguments.toArray(String[]::new))) {
            long started = System.nanoTime();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            long appliedAtStart = applied(registry);
            long applied = appliedAtStart;
            while (applied < n) {
                Thread.sleep(20);
                applied = applied(registry);
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(60)) {
                    throw new IllegalStateException("only " + applied + " of " + n + " applied after an hour");
                }
            }
            return new Result(TimeUnit.NANOSECONDS.toMillis(started - start), appliedAtStart, millisSince(started), n);
        }
    }

    private static long applied(MeterRegistry registry) {
        return (long) registry.find("inovasi.catalog.outcomes").tag("outcome", "APPLIED").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /**
     * The documents the catalogue wrote, written again into a fresh database by one thread with the writes the
     * catalogue makes for a create: insert the innovation (its outcome with it), read it for its snapshot, mark the
     * snapshot published (with the catalogue's filter, {@code {_id, version}}; a {@code $and} of the two would scan
     * the collection on the stand-in) and read it again to see that no newer version came meanwhile.
     */
    private static double bareMongoLoop(String uri) {
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri)).uuidRepresentation(UuidRepresentation.STANDARD)
                .build())) {
            MongoDatabase written = client.getDatabase(DATABASE);
            List<Document> innovations = written.getCollection(Innovation.COLLECTION).find().batchSize(1000)
                    .into(new ArrayList<>());
            written.drop();
            MongoDatabase database = client.getDatabase(DATABASE + "_loop");
            MongoCollection<Document> innovationCollection = database.getCollection(Innovation.COLLECTION);
            innovationCollection.createIndex(Indexes.ascending("titleKey"), new IndexOptions().unique(true));
            long start = System.nanoTime();
            for (Document innovation : innovations) {
                Object id = innovation.get("_id");
                innovationCollection.insertOne(innovation);
                innovationCollection.find(new Document("_id", id)).first();
                innovationCollection.updateOne(new Document("_id", id).append("version", innovation.get("version")),
                        Updates.combine(Updates.set("publishedVersion", innovation.get("version")),
                                Updates.set("publishPending", false)));
                innovationCollection.find(new Document("_id", id)).first();
            }
            if (innovationCollection.countDocuments() != innovations.size()) {
                throw new IllegalStateException("the loop wrote " + innovationCollection.countDocuments());
            }
            return innovations.size() / secondsSince(start);
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
