package id.go.bangka.inovasi.stats.review;

import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.Labels;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** Computes review lead times and queue ages on read. */
@Service
public class ReviewService {

    private static final long NONE = InnovationFacts.NONE;

    private final CatalogView view;
    private final Clock clock;

    public ReviewService(CatalogView view, Clock clock) {
        this.view = view;
        this.clock = clock;
    }

    public ReviewStats review(Filters filters) {
        Instant now = clock.instant();
        long nowSeconds = now.getEpochSecond();
        Durations[] overall = {new Durations(), new Durations()};
        Map<String, Durations[]> byOpd = new TreeMap<>();
        Durations awaitingVerification = new Durations();
        Durations awaitingPublication = new Durations();
        for (InnovationFacts f : view.all()) {
            if (!filters.test(f)) {
                continue;
            }
            Durations[] opd = byOpd.computeIfAbsent(Labels.key(f.opdCode()),
                    k -> new Durations[] {new Durations(), new Durations()});
            for (Durations[] group : new Durations[][] {overall, opd}) {
                group[0].add(f.submittedAt(), f.verifiedAt(), NONE);
                group[1].add(f.verifiedAt(), f.publishedAt(), NONE);
            }
            if (f.status() == InnovationStatus.SUBMITTED) {
                awaitingVerification.add(f.submittedAt(), nowSeconds, NONE);
            } else if (f.status() == InnovationStatus.VERIFIED) {
                awaitingPublication.add(f.verifiedAt(), nowSeconds, NONE);
            }
        }
        Map<String, ReviewStats.LeadTimes> perOpd = new LinkedHashMap<>();
        byOpd.forEach((code, d) -> perOpd.put(code, leadTimes(d)));
        ReviewStats.Queue queue = filters.scope() == Scope.ALL
                ? new ReviewStats.Queue(now, awaitingVerification.hours(), awaitingPublication.hours()) : null;
        return new ReviewStats(filters.scope().name(), leadTimes(overall), perOpd, queue);
    }

    private static ReviewStats.LeadTimes leadTimes(Durations[] d) {
        return new ReviewStats.LeadTimes(d[0].hours(), d[1].hours());
    }
}
