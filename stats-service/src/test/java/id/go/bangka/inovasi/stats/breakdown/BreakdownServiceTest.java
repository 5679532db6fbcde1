package id.go.bangka.inovasi.stats.breakdown;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.fixtures.Snapshots;
import id.go.bangka.inovasi.stats.query.Dimension;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.view.CatalogView;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BreakdownServiceTest {

    private final CatalogView view = new CatalogView();
    private final BreakdownService breakdowns = new BreakdownService(view);

    @Test
    void keepsABreakdownUntilTheViewChanges() {
        view.apply(published(InnovationField.HEALTH));
        view.apply(published(InnovationField.EDUCATION));

        Breakdown first = breakdowns.breakdown(Dimension.FIELD, null, Filters.none(Scope.PUBLISHED));
        assertThat(first.total()).isEqualTo(2);
        assertThat(breakdowns.breakdown(Dimension.FIELD, null, Filters.none(Scope.PUBLISHED))).isSameAs(first);
        assertThat(breakdowns.breakdown(Dimension.FIELD, Dimension.YEAR, Filters.none(Scope.PUBLISHED)))
                .isNotSameAs(first);

        view.apply(published(InnovationField.HEALTH));
        Breakdown after = breakdowns.breakdown(Dimension.FIELD, null, Filters.none(Scope.PUBLISHED));
        assertThat(after.total()).isEqualTo(3);
        assertThat(after.rows()).anySatisfy(row -> {
            assertThat(row.key()).isEqualTo("HEALTH");
            assertThat(row.count()).isEqualTo(2);
        });
    }

    @Test
    void keepsABoundedNumberOfBreakdowns() {
        view.apply(published(InnovationField.HEALTH));
        Breakdown first = breakdowns.breakdown(Dimension.FIELD, null, Filters.none(Scope.ALL));
        for (int year = 0; year < BreakdownService.CACHED; year++) {
            breakdowns.breakdown(Dimension.FIELD, null, new Filters(Scope.ALL, null, 1900 + year, null, null));
        }
        assertThat(breakdowns.breakdown(Dimension.FIELD, null, Filters.none(Scope.ALL))).isNotSameAs(first)
                .isEqualTo(first);
    }

    private static InnovationChanged published(InnovationField field) {
        Instant at = Instant.parse("2026-02-01T03:00:00Z");
        return Snapshots.full(UUID.randomUUID(), 1, InnovationStatus.PUBLISHED, "DINKES", field, 2026,
                GovernmentAffair.HEALTH, at, at, at, null);
    }
}
