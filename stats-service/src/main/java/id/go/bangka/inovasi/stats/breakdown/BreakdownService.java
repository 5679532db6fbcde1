package id.go.bangka.inovasi.stats.breakdown;

import id.go.bangka.inovasi.stats.query.Dimension;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.LabelledCount;
import id.go.bangka.inovasi.stats.query.Tally;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** Computes breakdowns on read, in one pass over the view. */
@Service
public class BreakdownService {

    private final CatalogView view;

    public BreakdownService(CatalogView view) {
        this.view = view;
    }

    /** Counts by {@code by}, and within each value by {@code then} when it is not null. */
    public Breakdown breakdown(Dimension by, Dimension then, Filters filters) {
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

    private static List<LabelledCount> labelled(Tally tally) {
        return tally.byValue().entrySet().stream().map(e -> LabelledCount.of(e.getKey(), e.getValue(), null)).toList();
    }
}
