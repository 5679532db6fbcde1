package id.go.bangka.inovasi.stats.overview;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.stats.query.QueryParams;
import id.go.bangka.inovasi.stats.query.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/stats/overview}: public numbers count PUBLISHED innovations; reviewers and ops see all. */
@RestController
@Tag(name = "Statistics", description = "Numbers for dashboards; the public counts PUBLISHED innovations only")
public class OverviewController {

    private final OverviewService overviews;

    public OverviewController(OverviewService overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/api/v1/stats/overview")
    @Operation(operationId = "statsOverview", summary = "Totals by status, field, OPD, year, stage, kind, form, source"
            + " and programme", description = "The public counts PUBLISHED only; reviewers and ops every status.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The totals"),
                @ApiResponse(responseCode = "400", description = "A query parameter; this takes none")})
    Overview overview(CallerIdentity caller, HttpServletRequest request) {
        QueryParams.onlyKnown(request, Set.of());
        return overviews.overview(Scope.of(caller));
    }
}
