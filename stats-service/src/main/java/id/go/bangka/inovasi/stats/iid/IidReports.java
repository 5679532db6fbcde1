package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.events.SpdRecorded;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import id.go.bangka.inovasi.stats.view.PerGeneration;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The IID report of a period for a scope, computed once per generation of the view (every innovation sorted and the
 * projection), and served a page at a time: a dashboard refreshing it, or many callers asking at once, cost a lookup
 * until the view or the period's recorded SPD changes.
 */
@Service
public class IidReports {

    private final CatalogView view;
    private final IidPeriods periods;
    private final SpdScores spd;
    private final PerGeneration<Question, Computed> kept;

    public IidReports(CatalogView view, IidPeriods periods, SpdScores spd) {
        this.view = view;
        this.periods = periods;
        this.spd = spd;
        this.kept = new PerGeneration<>(view, 64);
    }

    /** One page of the period's scores (highest verified first) with the whole projection. */
    public IidReport page(String period, Scope scope, int page, int size) {
        SpdRecorded recorded = spd.find(period).orElse(null);
        Computed computed = kept.get(new Question(period, scope, recorded), this::compute);
        List<IidReport.InnovationScore> all = computed.scores();
        int from = (int) Math.min((long) page * size, all.size());
        int to = (int) Math.min((long) from + size, all.size());
        return new IidReport(period, scope.name(), all.subList(from, to), computed.projection(), page, size,
                all.size(), computed.summary().improvements(), computed.summary().contributions());
    }

    /** The period's projection with what would raise it and each OPD's part, without the innovations' scores. */
    public IidSummary summary(String period, Scope scope) {
        SpdRecorded recorded = spd.find(period).orElse(null);
        return kept.get(new Question(period, scope, recorded), this::compute).summary();
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
        IidReport.Projection projection = IidCalculator.project(name, rules, counted, question.spd());
        return new Computed(scores, new IidSummary(name, projection, IidExplanation.improvements(rules, projection),
                IidExplanation.contributions(name, rules, counted, projection)));
    }

    private static IidReport.InnovationScore score(InnovationFacts f, String period) {
        boolean scored = f.scoredIn(period);
        return new IidReport.InnovationScore(f.id(), f.opdCode(), f.status().name(), scored ? f.claimed() : null,
                scored ? f.verified() : null, scored ? f.withEvidence() : null, scored ? f.accepted() : null);
    }

    private record Question(String period, Scope scope, SpdRecorded spd) {
    }

    private record Computed(List<IidReport.InnovationScore> scores, IidSummary summary) {

        IidReport.Projection projection() {
            return summary.regency();
        }
    }
}
