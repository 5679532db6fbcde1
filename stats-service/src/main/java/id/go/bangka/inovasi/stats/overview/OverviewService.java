package id.go.bangka.inovasi.stats.overview;

import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import id.go.bangka.inovasi.stats.view.PerGeneration;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * The overview of a scope: without filters, from counts kept up to date change by change ({@link RunningOverview});
 * with filters (one year, one OPD...), in one pass over the view. Either is kept until the view changes, so any number
 * of dashboards and stream subscribers cost one computation per change and question.
 */
@Service
public class OverviewService {

    private final CatalogView view;
    private final Clock clock;
    private final PerGeneration<Filters, Overview> kept;
    private final RunningOverview running = new RunningOverview();

    public OverviewService(CatalogView view, Clock clock) {
        this.view = view;
        this.clock = clock;
        this.kept = new PerGeneration<>(view, 64);
        view.onChange(running::changed);
    }

    /** The overview of the current view for a scope. */
    public Overview overview(Scope scope) {
        return overview(Filters.none(scope));
    }

    /** The overview of the current view for a scope narrowed by filters (e.g. one reporting year). */
    public Overview overview(Filters filters) {
        return kept.get(filters, this::compute);
    }

    private Overview compute(Filters filters, long generation) {
        if (filters.equals(Filters.none(filters.scope()))) {
            return running.overview(filters.scope(), generation, clock.instant());
        }
        OverviewCounts counts = new OverviewCounts();
        for (InnovationFacts facts : view.all()) {
            if (filters.test(facts)) {
                counts.add(facts);
            }
        }
        return counts.overview(filters.scope(), generation, clock.instant());
    }
}
