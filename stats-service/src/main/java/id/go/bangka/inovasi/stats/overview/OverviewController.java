package id.go.bangka.inovasi.stats.overview;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.stats.query.FilterParams;
import id.go.bangka.inovasi.stats.query.QueryParams;
import id.go.bangka.inovasi.stats.query.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stats/overview} plus the common filters: public numbers count PUBLISHED innovations; reviewers
 * and ops see all.
 */
@RestController
@Tag(name = "Statistics", description = "Numbers for dashboards; the public counts PUBLISHED innovations only")
public class OverviewController {

    private static final Set<String> PARAMETERS = FilterParams.namesWith();

    private final OverviewService overviews;

    public OverviewController(OverviewService overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/api/v1/stats/overview")
    @Operation(operationId = "statsOverview", summary = "Totals by status, field, OPD, year, stage, kind, form, source"
            + " and programme", description = "With the common filters (e.g. year for one reporting year). The public"
                    + " counts PUBLISHED only; reviewers and ops every status.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The totals"),
                @ApiResponse(responseCode = "400", description = "Invalid or unknown parameters, listed in errors"),
                @ApiResponse(responseCode = "403", description = "The public asked for another status than"
                        + " PUBLISHED")})
    Overview overview(CallerIdentity caller, HttpServletRequest request, @Valid @ParameterObject FilterParams filters) {
        QueryParams.onlyKnown(request, PARAMETERS);
        return overviews.overview(filters.resolve(Scope.of(caller)));
    }
}
