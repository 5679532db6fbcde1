package id.go.bangka.inovasi.stats.breakdown;

import id.go.bangka.inovasi.stats.query.Dimension;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.LabelledCount;
import id.go.bangka.inovasi.stats.query.Tally;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import id.go.bangka.inovasi.stats.view.PerGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Computes a breakdown in one pass over the view and keeps it until the view changes, as the overview does, so
 * dashboards asking the same breakdown cost one computation per change (at most {@value #CACHED} kept at once).
 */
@Service
public class BreakdownService {

    static final int CACHED = 256;

    private final CatalogView view;
    private final PerGeneration<Question, Breakdown> kept;

    public BreakdownService(CatalogView view) {
        this.view = view;
        this.kept = new PerGeneration<>(view, CACHED);
    }

    /** Counts by {@code by}, and within each value by {@code then} when it is not null. */
    public Breakdown breakdown(Dimension by, Dimension then, Filters filters) {
        return kept.get(new Question(by, then, filters),
                (question, generation) -> compute(question.by(), question.then(), question.filters()));
    }

    private Breakdown compute(Dimension by, Dimension then, Filters filters) {
        Map<Object, Tally> cells = new TreeMap<>(Dimension.ORDER);
        Tally rows = new Tally();
        long total = 0;
        for (InnovationFacts facts : view.all()) {
            if (filters.test(facts)) {
                total++;
                Object value = by.valueOf(facts);
                rows.add(value);
                if (then != null) {
                    cells.computeIfAbsent(value, v -> new Tally()).add(then.valueOf(facts));
                }
            }
        }
        List<LabelledCount> result = new ArrayList<>();
        rows.byValue().forEach((value, count) -> result.add(LabelledCount.of(value, count,
                then == null ? null : labelled(cells.get(value)))));
        return new Breakdown(filters.scope().name(), by.parameter(), then == null ? null : then.parameter(), total,
                result);
    }

    private record Question(Dimension by, Dimension then, Filters filters) {
    }


    private static List<LabelledCount> labelled(Tally tally) {
        return tally.byValue().entrySet().stream().map(e -> LabelledCount.of(e.getKey(), e.getValue(), null)).toList();
    }
}
