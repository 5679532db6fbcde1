package id.go.bangka.inovasi.stats.trend;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.stats.query.FilterParams;
import id.go.bangka.inovasi.stats.query.QueryParams;
import id.go.bangka.inovasi.stats.query.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/stats/trend?interval=month|year} plus the common filters. */
@RestController
public class TrendController {

    private static final Set<String> PARAMETERS = FilterParams.namesWith("interval");

    private final TrendService trends;

    public TrendController(TrendService trends) {
        this.trends = trends;
    }

    @GetMapping("/api/v1/stats/trend")
    Trend trend(CallerIdentity caller, HttpServletRequest request,
            @RequestParam(defaultValue = "month") String interval, @Valid FilterParams filters) {
        QueryParams.onlyKnown(request, PARAMETERS);
        Interval resolved = QueryParams.enumValue(Interval.class, "interval", interval);
        if (resolved == null) {
            throw QueryParams.invalid("interval", "must be month or year");
        }
        return trends.trend(resolved, filters.resolve(Scope.of(caller)));
    }
}
