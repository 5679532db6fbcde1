package id.go.bangka.inovasi.stats.stream;

import id.go.bangka.inovasi.events.SpdRecorded;
import id.go.bangka.inovasi.stats.iid.IidPeriods;
import id.go.bangka.inovasi.stats.iid.IidReports;
import id.go.bangka.inovasi.stats.iid.SpdScores;
import id.go.bangka.inovasi.stats.overview.Overview;
import id.go.bangka.inovasi.stats.overview.OverviewService;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.review.ReviewService;
import id.go.bangka.inovasi.stats.trend.Interval;
import id.go.bangka.inovasi.stats.trend.TrendService;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.stats.view.PerGeneration;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream's events, computed, written as JSON and encoded as one Server-Sent Event once per change of the view,
 * filters and recorded SPD: any number of subscribers with the same filters cost one computation, one serialisation
 * and one encoding per change, and share its bytes.
 */
@Service
public class DashboardUpdates {

    private final OverviewService overviews;
    private final TrendService trends;
    private final IidReports iid;
    private final IidPeriods periods;
    private final SpdScores spd;
    private final ReviewService reviews;
    private final JsonMapper json;
    private final PerGeneration<Question, Written> kept;

    public DashboardUpdates(CatalogView view, OverviewService overviews, TrendService trends, IidReports iid,
            IidPeriods periods, SpdScores spd, ReviewService reviews, JsonMapper json) {
        this.overviews = overviews;
        this.trends = trends;
        this.iid = iid;
        this.periods = periods;
        this.spd = spd;
        this.reviews = reviews;
        this.json = json;
        this.kept = new PerGeneration<>(view, 64);
    }

    /**
     * One event's data as written.
     *
     * @param generation the view's generation it was computed at (the event's id)
     * @param json       the {@link DashboardUpdate} as JSON
     * @param event      the whole {@code overview} event as sent, UTF-8: {@code event:}, {@code id:} and a
     *                   {@code data:} line per line of the JSON (one: it is written compact), then a blank line
     */
    public record Written(long generation, String json, byte[] event) {

        Written(long generation, String json) {
            this(generation, json, ("event:overview\nid:" + generation + "\ndata:" + json.replace("\n", "\ndata:")
                    + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The current update for these filters, written as JSON. */
    public Written current(Filters filters) {
        String period = periods.latest();
        return kept.get(new Question(filters, period, spd.find(period).orElse(null)), this::compute);
    }

    private Written compute(Question question, long generation) {
        Filters filters = question.filters();
        Overview overview = overviews.overview(filters);
        DashboardUpdate update = new DashboardUpdate(overview, trends.trend(Interval.MONTH, filters),
                iid.summary(question.period(), filters.scope()),
                filters.scope() == Scope.ALL ? reviews.review(filters) : null);
        return new Written(overview.generation(), json.writeValueAsString(update));
    }

    private record Question(Filters filters, String period, SpdRecorded spd) {
    }
}
