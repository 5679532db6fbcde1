package id.go.bangka.inovasi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.SpdRecorded;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Snapshots;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TopicWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Statistics from the real snapshot topic: run by {@code StatsIT} and its container twin. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "inovasi.stats.stream.heartbeat=1s")
abstract class StatsContract {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @LocalServerPort
    int port;

    ApiClient api;

    abstract Infrastructure infrastructure();

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, "stats-service");
    }

    void publish(InnovationChanged... snapshots) {
        Snapshots.publish(infrastructure().kafkaBootstrapServers(), List.of(snapshots));
    }

    static String uniqueOpd() {
        return "OPD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    /** One innovation moving through its lifecycle; every change is a new snapshot with the next version. */
    static final class Innovation {

        final UUID id = UUID.randomUUID();
        final String opd;
        final List<InnovationChanged> history = new ArrayList<>();
        InnovationStatus status = InnovationStatus.SUBMITTED;
        InnovationField field;
        int year;
        GovernmentAffair affair = GovernmentAffair.HEALTH;
        Instant submittedAt;
        Instant verifiedAt;
        Instant publishedAt;
        InnovationChanged.Scores scores;

        Innovation(String opd, InnovationField field, int year, Instant submittedAt) {
            this.opd = opd;
            this.field = field;
            this.year = year;
            this.submittedAt = submittedAt;
            change();
        }

        Innovation change() {
            history.add(Snapshots.full(id, history.size() + 1, status, opd, field, year, affair, submittedAt,
                    verifiedAt, publishedAt, scores));
            return this;
        }

        InnovationChanged latest() {
            return history.get(history.size() - 1);
        }
    }

    Answer overview(Map<String, String> identity) {
        return api.get("/api/v1/stats/overview", identity);
    }

    private static Map<String, Long> counts(JsonNode rows) {
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put(row.get("key").asString(), row.get("count").asLong()));
        return counts;
    }

    private static <K> Map<String, Long> expected(List<Innovation> innovations, Function<Innovation, K> key) {
        return innovations.stream().collect(Collectors.groupingBy(i -> String.valueOf(key.apply(i)), TreeMap::new,
                Collectors.counting()));
    }

    @Test
    void scriptedLifecycleEqualsAnIndependentCountWhateverDuplicatesAndOrder() {
        String opd = uniqueOpd();
        Innovation a = new Innovation(opd, InnovationField.HEALTH, 2022, at("2026-01-10T09:00"));
        a.status = InnovationStatus.VERIFIED;
        a.verifiedAt = at("2026-01-11T09:00");
        a.scores = new InnovationChanged.Scores("2026", 90, 80, 20, 18);
        a.change();
        a.status = InnovationStatus.PUBLISHED;
        a.publishedAt = at("2026-02-01T09:00");
        a.change();
        Innovation b = new Innovation(opd, InnovationField.EDUCATION, 2023, at("2026-01-20T09:00"));
        b.field = InnovationField.ENVIRONMENT;
        b.change();
        b.status = InnovationStatus.REVISION_REQUESTED;
        b.change();
        b.status = InnovationStatus.SUBMITTED;
        b.change();
        Innovation c = new Innovation(opd, InnovationField.HEALTH, 2023, at("2026-02-05T09:00"));
        c.status = InnovationStatus.WITHDRAWN;
        c.change();
        Innovation d = new Innovation(opd, InnovationField.HEALTH, 2023, at("2026-02-10T09:00"));
        d.status = InnovationStatus.VERIFIED;
        d.verifiedAt = at("2026-02-13T09:00");
        d.change();
        d.status = InnovationStatus.PUBLISHED;
        d.publishedAt = at("2026-03-01T09:00");
        d.change();
        d.status = InnovationStatus.ARCHIVED;
        d.change();
        Innovation e = new Innovation(opd, InnovationField.GOVERNANCE, 2022, at("2026-03-02T09:00"));
        e.status = InnovationStatus.VERIFIED;
        e.verifiedAt = at("2026-03-04T09:00");
        e.change();
        List<Innovation> all = List.of(a, b, c, d, e);

        List<InnovationChanged> script = new ArrayList<>();
        all.forEach(i -> script.add(i.latest()));
        all.forEach(i -> script.addAll(i.history));
        script.add(a.history.get(0));
        script.add(d.history.get(1));
        publish(script.toArray(InnovationChanged[]::new));

        Map<String, String> reviewer = TestIdentities.reviewer("bappeda");
        Answer byStatus = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/v1/stats/breakdown?by=status&opdCode=" + opd, reviewer),
                r -> r.status() == 200 && r.body().get("total").asLong() == all.size()
                        && counts(r.body().get("rows")).equals(expected(all, i -> i.status)));
        assertThat(byStatus.body().get("scope").asString()).isEqualTo("ALL");

        Answer crossTab = api.get("/api/v1/stats/breakdown?by=field&then=year&opdCode=" + opd, reviewer);
        Map<String, Long> cells = new TreeMap<>();
        crossTab.body().get("rows").forEach(row -> row.get("then").forEach(cell ->
                cells.put(row.get("key").asString() + "/" + cell.get("key").asString(), cell.get("count").asLong())));
        assertThat(cells).isEqualTo(expected(all, i -> i.field + "/" + i.year));
        assertThat(crossTab.body().get("rows").get(0).get("labelId").asString()).isEqualTo("Tata kelola pemerintahan");
        assertThat(crossTab.body().get("rows").get(0).get("labelEn").asString()).isEqualTo("Governance");

        Answer published = api.get("/api/v1/stats/breakdown?by=status&opdCode=" + opd, TestIdentities.anonymous());
        assertThat(counts(published.body().get("rows"))).isEqualTo(Map.of("PUBLISHED", 1L));
        assertThat(overview(reviewer).body().get("byOpd").get(opd).asLong()).isEqualTo(all.size());

        Answer trend = api.get("/api/v1/stats/trend?interval=month&opdCode=" + opd, reviewer);
        Map<String, String> points = new TreeMap<>();
        trend.body().get("points").forEach(p -> points.put(p.get("period").asString(),
                p.get("received").asLong() + "/" + p.get("verified").asLong() + "/" + p.get("published").asLong()));
        assertThat(points).isEqualTo(expectedTrend(all));

        JsonNode review = api.get("/api/v1/stats/review?opdCode=" + opd, reviewer).body();
        JsonNode leadTimes = review.get("byOpd").get(opd).get("submittedToVerified");
        assertThat(leadTimes.get("count").asInt()).isEqualTo(3);
        assertThat(leadTimes.get("median").asDouble()).as("24 h, 48 h, 72 h").isEqualTo(48.0);
        assertThat(leadTimes.get("p90").asDouble()).isEqualTo(72.0);
        assertThat(review.get("queue").get("awaitingVerification").get("count").asInt()).isEqualTo(1);
        assertThat(review.get("queue").get("awaitingPublication").get("count").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/stats/review", TestIdentities.anonymous()).body().has("queue")).isFalse();

        JsonNode iid = api.get("/api/v1/stats/iid?period=2026&size=200", reviewer).body();
        JsonNode row = null;
        for (JsonNode r : iid.get("innovations")) {
            row = r.get("innovationId").asString().equals(a.id.toString()) ? r : row;
        }
        assertThat(row).isNotNull();
        assertThat(row.get("claimed").asInt()).isEqualTo(90);
        assertThat(row.get("verified").asInt()).isEqualTo(80);
    }

    @Test
    void aRecordedSpdReplacesTheRangeByOneIndex() {
        Map<String, String> reviewer = TestIdentities.reviewer("reviewer-bappeda");
        assertThat(api.get("/api/v1/stats/iid?period=2023", reviewer).body().get("regency").get("basis").asString())
                .isNotEqualTo("SPD_RECORDED");
        List<SpdRecorded.Indicator> rows = new ArrayList<>();
        for (String code : List.of("1", "2a", "2b", "3", "4", "5a", "5b", "6", "7", "8", "9", "10a", "10b", "11a",
                "11b", "12", "13a", "13b", "14", "15")) {
            rows.add(new SpdRecorded.Indicator(code, 2, "https://bappeda.bangka.go.id/iid/" + code));
        }
        SpdRecorded spd = new SpdRecorded("2023", 1, rows, Instant.now(), "reviewer-bappeda");
        Map<String, String> headers = new TreeMap<>();
        CloudEventHeaders.of("spd:2023:1", EventTypes.SPD_RECORDED, "/inovasi/catalog-service", "2023",
                spd.recordedAt()).forEach((name, value) -> headers.put(name, value.toString()));

        TopicWriter.send(infrastructure().kafkaBootstrapServers(), Topics.ASSESSMENTS, "2023", headers,
                EventCodec.encode(spd));

        // 20 rows at parameter 2, weights summing to 21: SPD 42 of 63
        JsonNode regency = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/v1/stats/iid?period=2023", reviewer).body().get("regency"),
                r -> r.get("basis").asString().equals("SPD_RECORDED"));
        assertThat(regency.get("spd").get("score").decimalValue()).isEqualByComparingTo("42");
        assertThat(regency.get("index").decimalValue()).isEqualByComparingTo(regency.get("indexLow").decimalValue());
        assertThat(regency.get("category").asString()).isNotBlank();
    }

    private static Map<String, String> expectedTrend(List<Innovation> innovations) {
        Map<YearMonth, long[]> months = new TreeMap<>();
        for (Innovation i : innovations) {
            Instant[] instants = {i.submittedAt, i.verifiedAt, i.publishedAt};
            for (int column = 0; column < 3; column++) {
                if (instants[column] != null) {
                    months.computeIfAbsent(YearMonth.from(instants[column].atZone(WIB)), m -> new long[3])[column]++;
                }
            }
        }
        Map<String, String> expected = new TreeMap<>();
        months.forEach((m, c) -> expected.put(m.toString(), c[0] + "/" + c[1] + "/" + c[2]));
        return expected;
    }

    @Test
    void aReplicaStartedLateConvergesToTheSameNumbersAndIsReadyOnlyWithThem() {
        String opd = uniqueOpd();
        List<InnovationChanged> snapshots = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            Innovation i = new Innovation(opd, InnovationField.values()[n % 10], 2020 + n % 6, at("2026-01-01T00:00"));
            i.status = InnovationStatus.values()[n % InnovationStatus.values().length];
            i.change();
            snapshots.addAll(i.history);
        }
        publish(snapshots.toArray(InnovationChanged[]::new));
        Map<String, String> reviewer = TestIdentities.reviewer("bappeda");
        String path = "/api/v1/stats/breakdown?by=field&then=status";
        await().atMost(Duration.ofSeconds(30)).until(() -> overview(reviewer).body().get("byOpd").path(opd).asLong(),
                count -> count == 300);

        try (Replica late = new Replica(infrastructure().kafkaBootstrapServers())) {
            Answer ready = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> late.api().get("/actuator/health/readiness", Map.of()), r -> r.status() == 200);
            assertThat(ready.body().get("components").get("readModel").get("details")
                    .get("recordsRemaining").asLong()).isZero();
            JsonNode lateOverview = late.api().get("/api/v1/stats/overview", reviewer).body();
            assertThat(lateOverview.get("byOpd").path(opd).asLong())
                    .as("a ready replica already holds every snapshot written before it started").isEqualTo(300);
            assertThat(withoutClock(lateOverview)).isEqualTo(withoutClock(overview(reviewer).body()));
            assertThat(late.api().get(path, reviewer).body()).isEqualTo(api.get(path, reviewer).body());
        }
    }

    private static JsonNode withoutClock(JsonNode overview) {
        ObjectNode copy = ((ObjectNode) overview).deepCopy();
        copy.remove("asOf");
        copy.remove("generation");
        return copy;
    }

    @Test
    void theStreamPushesAnUpdateWithinASecondOfAChangeAndKeepsItselfAlive() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/stats/stream"));
        TestIdentities.addTo(request, TestIdentities.reviewer("dashboard"), "stats-service");
        java.util.concurrent.CompletableFuture<String> contentType = new java.util.concurrent.CompletableFuture<>();
        http.sendAsync(request.build(), info -> {
            contentType.complete(info.headers().firstValue("Content-Type").orElse(""));
            return HttpResponse.BodySubscribers.fromLineSubscriber(new Lines(lines::add));
        });
        assertThat(contentType.get(10, TimeUnit.SECONDS)).startsWith("text/event-stream");
        assertThat(nextData(lines, Duration.ofSeconds(5))).as("the current overview on subscribing").isNotNull();
        assertThat(nextLine(lines, ":heartbeat", Duration.ofSeconds(3))).as("a heartbeat while nothing changes")
                .isNotNull();

        String opd = uniqueOpd();
        publish(new Innovation(opd, InnovationField.HEALTH, 2024, Instant.now()).latest());
        String update = null;
        for (String data = nextData(lines, Duration.ofSeconds(3)); data != null;
                data = nextData(lines, Duration.ofSeconds(3))) {
            if (data.contains("\"" + opd + "\"")) {
                update = data;
                break;
            }
        }
        assertThat(update).as("an overview with the new OPD").isNotNull();

        String next = uniqueOpd();
        publish(new Innovation(next, InnovationField.HEALTH, 2024, Instant.now()).latest());
        String second = nextData(lines, Duration.ofSeconds(3));
        assertThat(second).as("the next change, pushed too (OverviewStreamTest checks the min-interval on a stepped "
                + "clock)").contains("\"" + next + "\"");
    }

    @Test
    void aThousandSubscribersAreServedAtOnceWithoutAThreadEach() throws Exception {
        int clients = 1000;
        CountDownLatch initial = new CountDownLatch(clients);
        AtomicInteger events = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, String> identity = TestIdentities.anonymous();
        List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> streams = new ArrayList<>();
        for (int n = 0; n < clients; n++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/stats/stream"));
            TestIdentities.addTo(request, identity, "stats-service");
            streams.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(
                    line -> {
                        if (line.startsWith("event:overview")) {
                            events.incrementAndGet();
                            initial.countDown();
                        }
                    }))));
        }
        // Were a stream to hold a request thread, at most server.tomcat.threads.max (200) could be open at once.
        assertThat(initial.await(60, TimeUnit.SECONDS)).as("every subscriber got its first overview").isTrue();

        String opd = uniqueOpd();
        Innovation published = new Innovation(opd, InnovationField.HEALTH, 2024, Instant.now());
        published.status = InnovationStatus.PUBLISHED;
        published.change();
        publish(published.latest());
        await().atMost(Duration.ofSeconds(20)).until(events::get, n -> n >= 2 * clients);
        streams.forEach(s -> s.cancel(true));
    }

    private static String nextData(BlockingQueue<String> lines, Duration within) throws InterruptedException {
        String line = nextLine(lines, "data:", within);
        return line == null ? null : line.substring("data:".length());
    }

    private static String nextLine(BlockingQueue<String> lines, String prefix, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (String line = lines.poll(within.toMillis(), TimeUnit.MILLISECONDS); line != null;
                line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }

    /** Hands every line of a streamed body to a consumer. */
    private record Lines(java.util.function.Consumer<String> consumer) implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            consumer.accept(line);
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    @Test
    void everyParameterIsValidatedWithAProblem() {
        Map<String, String> reviewer = TestIdentities.reviewer("bappeda");
        for (String path : List.of("/api/v1/stats/breakdown?by=colour", "/api/v1/stats/breakdown",
                "/api/v1/stats/breakdown?by=field&then=field", "/api/v1/stats/breakdown?by=field&year=later",
                "/api/v1/stats/breakdown?by=field&statsu=PUBLISHED", "/api/v1/stats/trend?interval=week",
                "/api/v1/stats/iid?period=1999", "/api/v1/stats/iid?period=abc", "/api/v1/stats/iid?size=500",
                "/api/v1/stats/review?field=SPACE",
                "/api/v1/stats/breakdown?by=field&opdCode=%24where",
                "/api/v1/stats/breakdown?by=field&year%5B%24gt%5D=2000")) {
            Answer answer = api.get(path, reviewer);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(answer.body().get("errors").get(0).get("pointer").asString()).as(path).isNotBlank();
        }
        Answer sharedRules = api.get("/api/v1/stats/breakdown?by=field&year=2014&opdCode=dinkes", reviewer);
        assertThat(sharedRules.status()).isEqualTo(400);
        assertThat(sharedRules.body().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .as("the year and OPD code rules of intake and catalogue, both errors at once")
                .containsExactlyInAnyOrder("year", "opdCode");
        Answer forbidden = api.get("/api/v1/stats/breakdown?by=field&status=SUBMITTED", TestIdentities.anonymous());
        assertThat(forbidden.status()).isEqualTo(403);
    }

    @Test
    void aBreakdownIsCsvWhenAsked() throws IOException, InterruptedException {
        String opd = uniqueOpd();
        Innovation i = new Innovation(opd, InnovationField.HEALTH, 2024, Instant.now());
        i.status = InnovationStatus.PUBLISHED;
        i.change();
        publish(i.latest());
        await().atMost(Duration.ofSeconds(30)).until(() -> overview(TestIdentities.anonymous()).body().get("byOpd")
                .path(opd).asLong(), n -> n == 1);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/stats/breakdown?by=field&then=year&opdCode=" + opd)).header("Accept", "text/csv");
        TestIdentities.addTo(request, TestIdentities.anonymous(), "stats-service");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.body()).isEqualTo("field,field_label_id,field_label_en,year,year_label_id,year_label_en,count\r\n"
                + "HEALTH,Kesehatan,Health,2024,2024,2024,1\r\n");
    }

    @Test
    void readinessIsUpOnceCaughtUpWithProgressInTheDetails() {
        Answer readiness = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/actuator/health/readiness", Map.of()), a -> a.status() == 200);

        assertThat(readiness.body().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.body().get("components").get("readModel").get("details").get("state").asString())
                .isEqualTo("caught up");
    }

    @Test
    void withoutTheGatewaysSignatureTheApiIs401() {
        assertThat(api.get("/api/v1/stats/overview", Map.of()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/stats/stream", Map.of()).status()).isEqualTo(401);
    }
}
