package id.go.bangka.inovasi.stats.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.fixtures.Snapshots;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.stats.StatsProperties;
import id.go.bangka.inovasi.stats.overview.OverviewService;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.view.CatalogView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;

class OverviewStreamTest {

    private static final Duration IDLE = Duration.ofMinutes(10);

    private final AtomicLong now = new AtomicLong(1_000);
    private final CatalogView view = new CatalogView();
    private final OverviewStream stream = new OverviewStream(view, new OverviewService(view, Clock.systemUTC()),
            new StatsProperties(ZoneId.of("Asia/Jakarta"), new ByteArrayResource(new byte[0]),
                    new StatsProperties.Stream(Duration.ofSeconds(1), Duration.ofSeconds(15),
                            Duration.ofMillis(100), Duration.ofMinutes(30), IDLE, 2, Duration.ofSeconds(30))),
            now::get);

    @Test
    void oneStreamMoreThanTheReplicaHoldsIsRefusedWith503AndRetryAfter() {
        stream.subscribe(Scope.PUBLISHED);
        stream.subscribe(Scope.ALL);

        assertThatThrownBy(() -> stream.subscribe(Scope.PUBLISHED)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.retryAfter()).contains(Duration.ofSeconds(30));
                });
        assertThat(stream.subscribers()).isEqualTo(2);
    }

    @Test
    void streamsWithoutAnOverviewForTheIdleLimitEndAndFreeTheirPlaces() {
        stream.subscribe(Scope.PUBLISHED);
        stream.subscribe(Scope.PUBLISHED);

        now.addAndGet(IDLE.toNanos() - 1);
        stream.tick();
        assertThat(stream.subscribers()).as("just under the idle limit").isEqualTo(2);

        now.addAndGet(1);
        stream.tick();
        assertThat(stream.subscribers()).as("at the idle limit").isZero();
        stream.subscribe(Scope.PUBLISHED);
        stream.subscribe(Scope.PUBLISHED);
        assertThat(stream.subscribers()).isEqualTo(2);
    }

    @Test
    void aChangeIsPushedAtMostOncePerMinIntervalPerSubscriber() {
        stream.subscribe(Scope.ALL);
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

    private void publish() {
        view.apply(Snapshots.full(UUID.randomUUID(), 1, InnovationStatus.SUBMITTED, "DINKES", InnovationField.HEALTH,
                2026, GovernmentAffair.HEALTH, Instant.parse("2026-03-01T02:00:00Z"), null, null, null));
    }
}
