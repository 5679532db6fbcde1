package id.go.bangka.inovasi.stats.overview;

import id.go.bangka.inovasi.stats.query.Dimension;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.query.Tally;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What an overview counts: the innovations, and their number per value of each of its dimensions. */
final class OverviewCounts {

    /** The dimensions an overview counts by. */
    private static final List<Dimension> DIMENSIONS = List.of(Dimension.STATUS, Dimension.FIELD, Dimension.OPD,
            Dimension.YEAR, Dimension.STAGE, Dimension.KIND, Dimension.FORM, Dimension.SOURCE, Dimension.PROGRAMME);

    private final Map<Dimension, Tally> tallies = new EnumMap<>(Dimension.class);
    private long total;

    OverviewCounts() {
        DIMENSIONS.forEach(dimension -> tallies.put(dimension, new Tally()));
    }

    void add(InnovationFacts facts) {
        total++;
        DIMENSIONS.forEach(dimension -> tallies.get(dimension).add(dimension.valueOf(facts)));
    }

    /** Takes back an {@link #add} of the same facts. */
    void remove(InnovationFacts facts) {
        total--;
        DIMENSIONS.forEach(dimension -> tallies.get(dimension).remove(dimension.valueOf(facts)));
    }

    Overview overview(Scope scope, long generation, Instant asOf) {
        return new Overview(scope.name(), total, tallies.get(Dimension.STATUS).byKey(),
                tallies.get(Dimension.FIELD).byKey(), tallies.get(Dimension.OPD).byKey(),
                tallies.get(Dimension.YEAR).byKey(), tallies.get(Dimension.STAGE).byKey(),
                tallies.get(Dimension.KIND).byKey(), tallies.get(Dimension.FORM).byKey(),
                tallies.get(Dimension.SOURCE).byKey(), tallies.get(Dimension.PROGRAMME).byKey(), generation, asOf);
    }
}
