package id.go.bangka.inovasi.stats.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Stage;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OverviewServiceTest {

    private final CatalogView view = new CatalogView();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    private static InnovationChanged snapshot(UUID id, long version, InnovationStatus status, String opd,
            InnovationField field, int year) {
        return new InnovationChanged(id, version, status, null, opd, field, Stage.TRIAL, year, Instant.EPOCH, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void countsEveryChangeWithoutAPassAndDropsValuesNoLongerCounted() {
        view.apply(snapshot(a, 1, InnovationStatus.PUBLISHED, "DINKES", InnovationField.HEALTH, 2022));
        OverviewService overviews = new OverviewService(view, clock);
        view.apply(snapshot(b, 1, InnovationStatus.SUBMITTED, "DISDIK", InnovationField.EDUCATION, 2023));
        view.apply(snapshot(c, 1, InnovationStatus.PUBLISHED, "DISDIK", InnovationField.HEALTH, 2023));

        Overview all = overviews.overview(Scope.ALL);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.byStatus()).containsExactly(entry("SUBMITTED", 1L), entry("PUBLISHED", 2L));
        assertThat(all.byOpd()).containsExactly(entry("DINKES", 1L), entry("DISDIK", 2L));
        Overview published = overviews.overview(Scope.PUBLISHED);
        assertThat(published.total()).isEqualTo(2);
        assertThat(published.byField()).containsExactly(entry("HEALTH", 2L));
        assertThat(published.byYear()).containsExactly(entry("2022", 1L), entry("2023", 1L));

        view.apply(snapshot(b, 2, InnovationStatus.PUBLISHED, "DISDIK", InnovationField.EDUCATION, 2023));
        view.apply(snapshot(a, 2, InnovationStatus.ARCHIVED, "DINKES", InnovationField.HEALTH, 2022));
        view.apply(snapshot(c, 1, InnovationStatus.WITHDRAWN, "DISDIK", InnovationField.HEALTH, 2023));

        all = overviews.overview(Scope.ALL);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.byStatus()).containsExactly(entry("PUBLISHED", 2L), entry("ARCHIVED", 1L));
        published = overviews.overview(Scope.PUBLISHED);
        assertThat(published.total()).isEqualTo(2);
        assertThat(published.byField()).containsExactly(entry("EDUCATION", 1L), entry("HEALTH", 1L));
        assertThat(published.byOpd()).containsExactly(entry("DISDIK", 2L));
        assertThat(published.byYear()).containsExactly(entry("2023", 2L));
        assertThat(published.byStage()).containsExactly(entry("TRIAL", 2L));
        assertThat(published.generation()).isEqualTo(5);
        assertThat(published.asOf()).isEqualTo(clock.instant());
    }

    @Test
    void anOverviewWithoutFiltersNeverPassesOverTheView() {
        AtomicInteger passes = new AtomicInteger();
        CatalogView counted = new CatalogView() {
            @Override
            public Collection<InnovationFacts> all() {
                passes.incrementAndGet();
                return super.all();
            }
        };
        OverviewService overviews = new OverviewService(counted, clock);
        counted.apply(snapshot(a, 1, InnovationStatus.PUBLISHED, "DINKES", InnovationField.HEALTH, 2022));
        assertThat(overviews.overview(Scope.PUBLISHED).total()).isEqualTo(1);
        counted.apply(snapshot(b, 1, InnovationStatus.PUBLISHED, "DISDIK", InnovationField.HEALTH, 2023));
        assertThat(overviews.overview(Scope.ALL).total()).isEqualTo(2);
        assertThat(passes).hasValue(0);

        assertThat(overviews.overview(new Filters(Scope.ALL, null, 2023, null, null)).total()).isEqualTo(1);
        assertThat(passes).hasValue(1);
    }

    @Test
    void changesAppliedFromSeveralThreadsAreEachCountedOnce() throws InterruptedException {
        OverviewService overviews = new OverviewService(view, clock);
        List<UUID> ids = IntStream.range(0, 400).mapToObj(i -> UUID.randomUUID()).toList();
        ExecutorService consumers = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            consumers.execute(() -> {
                for (long version = 1; version <= 3; version++) {
                    for (UUID id : ids) {
                        view.apply(snapshot(id, version, version == 3 ? InnovationStatus.PUBLISHED
                                : InnovationStatus.SUBMITTED, "DINKES", InnovationField.HEALTH, 2020 + (int) version));
                    }
                }
            });
        }
        consumers.shutdown();
        assertThat(consumers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        Overview all = overviews.overview(Scope.ALL);
        assertThat(all.total()).isEqualTo(400);
        assertThat(all.byStatus()).containsExactly(entry("PUBLISHED", 400L));
        assertThat(all.byYear()).containsExactly(entry("2023", 400L));
        assertThat(overviews.overview(Scope.PUBLISHED).total()).isEqualTo(400);
    }

    @Test
    void anOverviewWithFiltersCountsOnlyWhatTheyMatch() {
        OverviewService overviews = new OverviewService(view, clock);
        view.apply(snapshot(a, 1, InnovationStatus.PUBLISHED, "DINKES", InnovationField.HEALTH, 2022));
        view.apply(snapshot(b, 1, InnovationStatus.SUBMITTED, "DISDIK", InnovationField.EDUCATION, 2023));
        view.apply(snapshot(c, 1, InnovationStatus.PUBLISHED, "DISDIK", InnovationField.HEALTH, 2023));

        Overview year2023 = overviews.overview(new Filters(Scope.ALL, null, 2023, null, null));
        assertThat(year2023.total()).isEqualTo(2);
        assertThat(year2023.byStatus()).containsExactly(entry("SUBMITTED", 1L), entry("PUBLISHED", 1L));
        Overview publishedHealth = overviews.overview(new Filters(Scope.PUBLISHED, null, null, null,
                InnovationField.HEALTH));
        assertThat(publishedHealth.total()).isEqualTo(2);
        assertThat(publishedHealth.byOpd()).containsExactly(entry("DINKES", 1L), entry("DISDIK", 1L));
    }
}
