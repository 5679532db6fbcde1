package id.go.bangka.inovasi.stats.trend;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.stats.query.FilterParams;
import id.go.bangka.inovasi.stats.query.QueryParams;
import id.go.bangka.inovasi.stats.query.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/stats/trend?interval=month|year} plus the common filters. */
@RestController
@Tag(name = "Statistics", description = "Numbers for dashboards; the public counts PUBLISHED innovations only")
public class TrendController {

    private static final Set<String> PARAMETERS = FilterParams.namesWith("interval");

    private final TrendService trends;

    public TrendController(TrendService trends) {
        this.trends = trends;
    }

    @GetMapping("/api/v1/stats/trend")
    @Operation(operationId = "statsTrend", summary = "Received, verified and published per month or year",
            description = "With the common filters.",
            responses = {
                @ApiResponse(responseCode = "200", description = "One entry per period"),
                @ApiResponse(responseCode = "400", description = "Invalid or unknown parameters, listed in errors"),
                @ApiResponse(responseCode = "403", description = "The public asked for another status than"
                        + " PUBLISHED")})
    Trend trend(CallerIdentity caller, HttpServletRequest request,
            @Parameter(description = "Period length", schema = @Schema(allowableValues = {"month", "year"}))
            @RequestParam(defaultValue = "month") String interval, @Valid @ParameterObject FilterParams filters) {
        QueryParams.onlyKnown(request, PARAMETERS);
        Interval resolved = QueryParams.enumValue(Interval.class, "interval", interval);
        if (resolved == null) {
            throw QueryParams.invalid("interval", "must be month or year");
        }
        return trends.trend(resolved, filters.resolve(Scope.of(caller)));
    }
}
