package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * The IID report of a period for a scope, computed once per generation of the view (every innovation sorted and the
 * projection), and served a page at a time: a dashboard refreshing it, or many callers asking at once, cost a lookup
 * until the view changes.
 */
@Service
public class IidReports {

    private final CatalogView view;
    private final IidPeriods periods;
    private final Map<Question, Computed> cache = new ConcurrentHashMap<>();

    public IidReports(CatalogView view, IidPeriods periods) {
        this.view = view;
        this.periods = periods;
    }

    /** One page of the period's scores (highest verified first) with the whole projection. */
    public IidReport page(String period, Scope scope, int page, int size) {
        Computed computed = computed(new Question(period, scope));
        List<IidReport.InnovationScore> all = computed.scores();
        int from = (int) Math.min((long) page * size, all.size());
        int to = (int) Math.min((long) from + size, all.size());
        return new IidReport(period, scope.name(), all.subList(from, to), computed.projection(), page, size,
                all.size());
    }

    private Computed computed(Question question) {
        long generation = view.generation();
        Computed cached = cache.get(question);
        if (cached != null && cached.generation() == generation) {
            return cached;
        }
        Computed fresh = compute(question, generation);
        cache.put(question, fresh);
        return fresh;
    }

    private Computed compute(Question question, long generation) {
        String name = question.period();
        IidPeriod rules = periods.get(name);
        Filters scope = Filters.none(question.scope());
        List<InnovationFacts> visible = view.all().stream().filter(scope).toList();
        List<IidReport.InnovationScore> scores = visible.stream()
                .sorted(Comparator.comparingInt((InnovationFacts f) -> f.scoredIn(name) ? -f.verified() : 1)
                        .thenComparing(InnovationFacts::id))
                .map(f -> score(f, name)).toList();
        List<InnovationFacts> counted = visible.stream().filter(f -> rules.countedStatuses().contains(f.status()))
                .toList();
        return new Computed(generation, scores, IidCalculator.project(name, rules, counted));
    }

    private static IidReport.InnovationScore score(InnovationFacts f, String period) {
        boolean scored = f.scoredIn(period);
        return new IidReport.InnovationScore(f.id(), f.opdCode(), f.status().name(), scored ? f.claimed() : null,
                scored ? f.verified() : null, scored ? f.withEvidence() : null, scored ? f.accepted() : null);
    }

    private record Question(String period, Scope scope) {
    }

    private record Computed(long generation, List<IidReport.InnovationScore> scores,
            IidReport.Projection projection) {
    }
}
