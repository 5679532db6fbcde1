package id.go.bangka.inovasi.stats.overview;

import id.go.bangka.inovasi.stats.query.Dimension;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.query.Tally;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import id.go.bangka.inovasi.stats.view.PerGeneration;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Computes the overview in one pass over the view and keeps it until the view changes, so any number of dashboards
 * and stream subscribers cost one computation per change and scope.
 */
@Service
public class OverviewService {

    private static final List<Dimension> DIMENSIONS = List.of(Dimension.STATUS, Dimension.FIELD, Dimension.OPD,
            Dimension.YEAR, Dimension.STAGE, Dimension.KIND, Dimension.FORM, Dimension.SOURCE, Dimension.PROGRAMME);

    private final CatalogView view;
    private final Clock clock;
    private final PerGeneration<Filters, Overview> kept;

    public OverviewService(CatalogView view, Clock clock) {
        this.view = view;
        this.clock = clock;
        this.kept = new PerGeneration<>(view, 64);
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
        Map<Dimension, Tally> tallies = new EnumMap<>(Dimension.class);
        DIMENSIONS.forEach(d -> tallies.put(d, new Tally()));
        long total = 0;
        for (InnovationFacts facts : view.all()) {
            if (filters.test(facts)) {
                total++;
                for (Dimension d : DIMENSIONS) {
                    tallies.get(d).add(d.valueOf(facts));
                }
            }
        }
        return new Overview(filters.scope().name(), total, tallies.get(Dimension.STATUS).byKey(),
                tallies.get(Dimension.FIELD).byKey(), tallies.get(Dimension.OPD).byKey(),
                tallies.get(Dimension.YEAR).byKey(), tallies.get(Dimension.STAGE).byKey(),
                tallies.get(Dimension.KIND).byKey(), tallies.get(Dimension.FORM).byKey(),
                tallies.get(Dimension.SOURCE).byKey(), tallies.get(Dimension.PROGRAMME).byKey(), generation,
                clock.instant());
    }
}
