package id.go.bangka.inovasi.stats.bench;

import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Snapshots;
import id.go.bangka.inovasi.stats.Replica;
import id.go.bangka.inovasi.platform.readmodel.CatchUpTracker;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.BenchmarkRunner;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TopicReader;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Rebuild time of the view from N snapshots on an embedded broker (against a bare KafkaConsumer reading the same
 * topic), the view's heap per N innovations, and overview and breakdown latency under concurrent readers.
 * Arguments: innovations (default 100000), reader threads (default 8), requests per reader (default 500), and each
 * reader's pause between two requests in ms (default 0: a closed loop, every reader asks again at once; a dashboard
 * refreshing every second is 1000, each reader starting at a random point of its first second).
 */
public final class StatsBenchmark {

    private StatsBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkRunner.runAndExit(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        long pause = args.length > 3 ? Long.parseLong(args[3]) : 0;
        String bootstrap = EmbeddedInfrastructure.get().kafkaBootstrapServers();
        List<InnovationChanged> snapshots = snapshots(n);

        long written = write(bootstrap, snapshots);
        System.out.printf("wrote %,d snapshots of %,d innovations in %d ms%n", snapshots.size(), n, written);
        System.out.printf("bare KafkaConsumer, bytes only: %d ms%n", bareConsumer(bootstrap, false));
        System.out.printf("bare KafkaConsumer, decode each snapshot: %d ms%n", bareConsumer(bootstrap, true));
        System.out.printf("view heap: %.1f MiB per %,d innovations%n", heapOfView(snapshots) / 1048576.0, n);

        long started = System.nanoTime();
        try (Replica replica = new Replica(bootstrap)) {
            long booted = System.nanoTime();
            CatchUpTracker tracker = replica.bean(CatchUpTracker.class);
            while (!tracker.progress().caughtUp()) {
                Thread.sleep(20);
            }
            long caughtUp = System.nanoTime();
            System.out.printf("stats-service: context started in %d ms, then caught up in %d ms (%,d innovations)%n",
                    TimeUnit.NANOSECONDS.toMillis(booted - started), TimeUnit.NANOSECONDS.toMillis(caughtUp - booted),
                    replica.bean(CatalogView.class).size());
            latency(replica.api(), "/api/v1/stats/overview", readers, requests, pause);
            latency(replica.api(), "/api/v1/stats/breakdown?by=field&then=year", readers, Math.max(1, requests / 5),
                    pause);
        }
    }

    private static List<InnovationChanged> snapshots(int n) {
        Random random = new Random(42);
        List<InnovationChanged> snapshots = new ArrayList<>(n + n / 2);
        InnovationStatus[] statuses = InnovationStatus.values();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            Instant submitted = Instant.parse("2021-01-01T00:00:00Z").plusSeconds(random.nextInt(170_000_000));
            InnovationStatus status = statuses[random.nextInt(statuses.length)];
            InnovationChanged.Scores scores = new InnovationChanged.Scores("2026", random.nextInt(112),
                    random.nextInt(112), 20, random.nextInt(21));
            String opd = "OPD-" + random.nextInt(120);
            InnovationField field = InnovationField.values()[random.nextInt(10)];
            GovernmentAffair affair = GovernmentAffair.values()[random.nextInt(GovernmentAffair.values().length)];
            if (i % 2 == 0) {
                snapshots.add(Snapshots.full(id, 1, InnovationStatus.SUBMITTED, opd, field, 2015 + random.nextInt(12),
                        affair, submitted, null, null, null));
            }
            snapshots.add(Snapshots.full(id, 2, status, opd, field, 2015 + random.nextInt(12), affair, submitted,
                    submitted.plusSeconds(86_400L * random.nextInt(30)), submitted.plusSeconds(86_400L * 40), scores));
        }
        return snapshots;
    }

    private static long write(String bootstrap, List<InnovationChanged> snapshots) {
        long start = System.nanoTime();
        Snapshots.publish(bootstrap, snapshots);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static long bareConsumer(String bootstrap, boolean decode) {
        return TopicReader.readAll(bootstrap, Topics.CATALOG, value -> {
            if (decode) {
                EventCodec.decode(value, InnovationChanged.class);
            }
        });
    }

    private static long heapOfView(List<InnovationChanged> snapshots) {
        long before = usedHeap();
        CatalogView view = new CatalogView();
        snapshots.forEach(view::apply);
        long after = usedHeap();
        if (view.size() == 0) {
            throw new IllegalStateException("empty view");
        }
        return after - before;
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The request path compiled before anything is measured: 4,000 requests from 16 threads. */
    private static void warmUp(ApiClient api, String path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> warming = new ArrayList<>();
            for (int r = 0; r < 16; r++) {
                warming.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        api.get(path, TestIdentities.reviewer("bench"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : warming) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void latency(ApiClient api, String path, int readers, int requests, long pause)
            throws Exception {
        warmUp(api, path);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int r = 0; r < readers; r++) {
            results.add(pool.submit(() -> {
                Map<String, String> identity = TestIdentities.reviewer("bench");
                long[] nanos = new long[requests];
                if (pause > 0) {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(pause));
                }
                for (int i = 0; i < requests; i++) {
                    if (pause > 0 && i > 0) {
                        Thread.sleep(pause);
                    }
                    long t = System.nanoTime();
                    if (api.get(path, identity).status() != 200) {
                        throw new IllegalStateException(path + " failed");
                    }
                    nanos[i] = System.nanoTime() - t;
                }
                return nanos;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            Arrays.stream(f.get()).forEach(all::add);
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        List<Long> sorted = all.stream().sorted().collect(Collectors.toList());
        System.out.printf("%s, %d readers x %d, pause %d ms: p50 %.2f ms, p99 %.2f ms, %.0f requests/s%n", path,
                readers, requests, pause,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6,
                sorted.size() / (elapsed / 1e9));
    }
}
