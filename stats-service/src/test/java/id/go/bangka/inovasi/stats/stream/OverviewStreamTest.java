package id.go.bangka.inovasi.stats.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.fixtures.Snapshots;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.stats.StatsProperties;
import id.go.bangka.inovasi.stats.iid.IidPeriods;
import id.go.bangka.inovasi.stats.iid.IidReports;
import id.go.bangka.inovasi.stats.iid.SpdScores;
import id.go.bangka.inovasi.stats.overview.OverviewService;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.review.ReviewService;
import id.go.bangka.inovasi.stats.trend.TrendService;
import id.go.bangka.inovasi.stats.view.CatalogView;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OverviewStreamTest {

    private static final Duration IDLE = Duration.ofMinutes(10);
    private static final int QUEUE = 4;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicLong now = new AtomicLong(1_000);
    private final CatalogView view = new CatalogView();
    private final StatsProperties properties = new StatsProperties(ZoneId.of("Asia/Jakarta"),
            new ClassPathResource("iid-periods.json"), new StatsProperties.Stream(Duration.ofSeconds(1),
                    Duration.ofSeconds(15), Duration.ofMillis(100), Duration.ofMinutes(30), IDLE, 2,
                    Duration.ofSeconds(30), QUEUE));
    private final DashboardUpdates updates = updates(view, properties);
    private final OverviewStream stream = new OverviewStream(view, updates, properties, now::get);

    @Test
    void oneStreamMoreThanTheReplicaHoldsIsRefusedWith503AndRetryAfter() {
        stream.subscribe(Filters.none(Scope.PUBLISHED), new RecordingConnection());
        stream.subscribe(Filters.none(Scope.ALL), new RecordingConnection());

        assertThatThrownBy(() -> stream.subscribe(Filters.none(Scope.PUBLISHED), new RecordingConnection()))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.retryAfter()).contains(Duration.ofSeconds(30));
                });
        assertThat(stream.subscribers()).isEqualTo(2);
    }

    @Test
    void streamsWithoutAnOverviewForTheIdleLimitEndAndFreeTheirPlaces() {
        stream.subscribe(Filters.none(Scope.PUBLISHED), new RecordingConnection());
        stream.subscribe(Filters.none(Scope.PUBLISHED), new RecordingConnection());

        now.addAndGet(IDLE.toNanos() - 1);
        stream.tick();
        assertThat(stream.subscribers()).as("just under the idle limit").isEqualTo(2);

        now.addAndGet(1);
        stream.tick();
        assertThat(stream.subscribers()).as("at the idle limit").isZero();
        stream.subscribe(Filters.none(Scope.PUBLISHED), new RecordingConnection());
        stream.subscribe(Filters.none(Scope.PUBLISHED), new RecordingConnection());
        assertThat(stream.subscribers()).isEqualTo(2);
    }

    @Test
    void aChangeIsPushedAtMostOncePerMinIntervalPerSubscriber() {
        stream.subscribe(Filters.none(Scope.ALL), new RecordingConnection());
        long first = view.generation();
        assertThat(stream.sentGenerations()).as("the current overview on subscribing").containsExactly(first);

        publish();
        now.addAndGet(Duration.ofMillis(999).toNanos());
        stream.tick();
        assertThat(stream.sentGenerations()).as("within the min-interval: held back").containsExactly(first);

        now.addAndGet(Duration.ofMillis(1).toNanos());
        stream.tick();
        assertThat(stream.sentGenerations()).as("at the min-interval: pushed").containsExactly(first + 1);

        now.addAndGet(Duration.ofSeconds(5).toNanos());
        stream.tick();
        assertThat(stream.sentGenerations()).as("nothing changed: nothing pushed").containsExactly(first + 1);
    }

    @Test
    void anUpdateCarriesTheOverviewTrendIidAndForReviewersTheLeadTimesWrittenOncePerChangeAndFilters() {
        publish();
        Filters reviewer = Filters.none(Scope.ALL);
        DashboardUpdates.Written before = updates.current(reviewer);
        assertThat(updates.current(reviewer)).as("no change: the update written before").isSameAs(before);
        JsonNode data = JSON.readTree(before.json());
        assertThat(data.get("total").asLong()).as("the overview's fields at the top").isEqualTo(1);
        assertThat(data.get("generation").asLong()).isEqualTo(before.generation()).isEqualTo(view.generation());
        assertThat(data.get("byStatus").get("SUBMITTED").asLong()).isEqualTo(1);
        assertThat(data.get("trend").get("points").get(0).get("period").asString()).isEqualTo("2026-03");
        assertThat(data.get("trend").get("points").get(0).get("received").asLong()).isEqualTo(1);
        assertThat(data.get("iid").get("period").asString()).isEqualTo("2026");
        assertThat(data.get("iid").get("regency").get("thresholds").get(0).get("name").asString())
                .isEqualTo("Sangat Inovatif");
        assertThat(data.get("iid").has("improvements")).isTrue();
        assertThat(data.get("review").get("overall").has("submittedToVerified")).isTrue();
        assertThat(JSON.readTree(updates.current(Filters.none(Scope.PUBLISHED)).json()).has("review"))
                .as("the public sees no lead times in the stream").isFalse();

        publish();
        DashboardUpdates.Written after = updates.current(reviewer);
        assertThat(after.generation()).isEqualTo(before.generation() + 1);
        assertThat(JSON.readTree(after.json()).get("trend").get("points").get(0).get("received").asLong())
                .isEqualTo(2);
        assertThat(JSON.readTree(updates.current(new Filters(Scope.ALL, null, 2025, null, null)).json())
                .get("total").asLong()).as("a year's filter").isZero();
    }

    @Test
    void aStalledSubscriberIsDroppedWhenItsQueueIsFullWhileTheOthersGetEveryChange() {
        RecordingConnection reading = new RecordingConnection();
        RecordingConnection stalled = new RecordingConnection();
        stream.subscribe(Filters.none(Scope.ALL), reading);
        stream.subscribe(Filters.none(Scope.ALL), stalled);
        stalled.ready = false;

        for (int change = 1; change <= QUEUE + 1; change++) {
            publish();
            now.addAndGet(Duration.ofSeconds(1).toNanos());
            stream.tick();
            assertThat(reading.written).as("the reading subscriber got change %d", change).hasSize(1 + change);
            assertThat(reading.written.get(change)).startsWith("event:overview\nid:" + view.generation() + "\n");
        }

        assertThat(stalled.written).as("only the first overview, taken before it stalled").hasSize(1);
        assertThat(stalled.closed).as("dropped once its queue of " + QUEUE + " was full").isTrue();
        assertThat(stream.subscribers()).isEqualTo(1);
        assertThat(stream.sentGenerations()).containsExactly(view.generation());
        stream.subscribe(Filters.none(Scope.ALL), new RecordingConnection());
        assertThat(stream.subscribers()).as("its place was freed").isEqualTo(2);
    }

    @Test
    void aHeartbeatGoesOutAfterTheHeartbeatIntervalWithoutOtherTraffic() {
        RecordingConnection connection = new RecordingConnection();
        stream.subscribe(Filters.none(Scope.PUBLISHED), connection);

        now.addAndGet(Duration.ofSeconds(15).toNanos() - 1);
        stream.tick();
        assertThat(connection.written).hasSize(1);
        now.addAndGet(1);
        stream.tick();
        assertThat(connection.written).hasSize(2).last().isEqualTo(":heartbeat\n\n");
    }

    @Test
    void theEventIsEncodedOnceAsAServerSentEventOfTheJson() {
        publish();
        DashboardUpdates.Written update = updates.current(Filters.none(Scope.ALL));

        assertThat(new String(update.event(), StandardCharsets.UTF_8))
                .isEqualTo("event:overview\nid:" + update.generation() + "\ndata:" + update.json() + "\n\n");
        assertThat(updates.current(Filters.none(Scope.ALL)).event()).as("shared by every subscriber")
                .isSameAs(update.event());
    }

    private static DashboardUpdates updates(CatalogView view, StatsProperties properties) {
        IidPeriods periods = new IidPeriods(properties);
        SpdScores spd = new SpdScores();
        return new DashboardUpdates(view, new OverviewService(view, Clock.systemUTC()),
                new TrendService(view, properties), new IidReports(view, periods, spd), periods, spd,
                new ReviewService(view, Clock.systemUTC()), JSON);
    }

    private void publish() {
        view.apply(Snapshots.full(UUID.randomUUID(), 1, InnovationStatus.SUBMITTED, "DINKES", InnovationField.HEALTH,
                2026, GovernmentAffair.HEALTH, Instant.parse("2026-03-01T02:00:00Z"), null, null, null));
    }
}
