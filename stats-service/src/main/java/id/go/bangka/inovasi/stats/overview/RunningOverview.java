package id.go.bangka.inovasi.stats.overview;

import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The overview of each scope without filters, kept up to date change by change ({@link
 * id.go.bangka.inovasi.stats.view.CatalogView#onChange}): a change takes the innovation's facts before out of the
 * counts and adds those after, so an overview costs the same at 100,000 innovations as at 100. A pass over the view
 * per change cost stats most of its CPU once dashboards asked while snapshots kept arriving (docs/benchmarks.md,
 * section 2).
 */
final class RunningOverview {

    private final Map<Scope, OverviewCounts> counts = new EnumMap<>(Scope.class);

    RunningOverview() {
        for (Scope scope : Scope.values()) {
            counts.put(scope, new OverviewCounts());
        }
    }

    /** Moves one innovation's counts from its facts before (null: new) to those after. */
    synchronized void changed(InnovationFacts before, InnovationFacts after) {
        counts.forEach((scope, scoped) -> {
            if (before != null && scope.includes(before)) {
                scoped.remove(before);
            }
            if (scope.includes(after)) {
                scoped.add(after);
            }
        });
    }

    /** The overview of a scope as the counts stand now. */
    synchronized Overview overview(Scope scope, long generation, Instant asOf) {
        return counts.get(scope).overview(scope, generation, asOf);
    }
}
