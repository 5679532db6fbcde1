package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.query.QueryParams;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stats/iid?period=2026}: claimed and verified scores per innovation and the regency's projected
 * index; the public's numbers cover PUBLISHED innovations only.
 */
@RestController
@Tag(name = "Statistics", description = "Numbers for dashboards; the public counts PUBLISHED innovations only")
public class IidController {

    private final CatalogView view;
    private final IidPeriods periods;

    public IidController(CatalogView view, IidPeriods periods) {
        this.view = view;
        this.periods = periods;
    }

    @GetMapping("/api/v1/stats/iid")
    @Operation(operationId = "statsIid", summary = "IID scores per innovation and the regency's projected index",
            description = "Claimed and verified scores, the projected index and category, and the basic-service"
                    + " affairs no innovation covers; the public's numbers cover PUBLISHED innovations only.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The scores and the projection"),
                @ApiResponse(responseCode = "400", description = "Unknown period or parameter")})
    IidReport iid(CallerIdentity caller, HttpServletRequest request,
            @Parameter(description = "Assessment period, e.g. 2026; the latest when absent")
            @RequestParam(required = false) String period) {
        QueryParams.onlyKnown(request, Set.of("period"));
        String name = period == null || period.isBlank() ? periods.latest() : period.trim();
        IidPeriod rules = periods.get(name);
        Filters scope = Filters.none(Scope.of(caller));
        List<InnovationFacts> visible = view.all().stream().filter(scope).toList();
        List<IidReport.InnovationScore> scores = visible.stream()
                .sorted(Comparator.comparingInt((InnovationFacts f) -> f.scoredIn(name) ? -f.verified() : 1)
                        .thenComparing(InnovationFacts::id))
                .map(f -> score(f, name)).toList();
        List<InnovationFacts> counted = visible.stream().filter(f -> rules.countedStatuses().contains(f.status()))
                .toList();
        return new IidReport(name, scope.scope().name(), scores, IidCalculator.project(name, rules, counted));
    }

    private static IidReport.InnovationScore score(InnovationFacts f, String period) {
        boolean scored = f.scoredIn(period);
        return new IidReport.InnovationScore(f.id(), f.opdCode(), f.status().name(), scored ? f.claimed() : null,
                scored ? f.verified() : null, scored ? f.withEvidence() : null, scored ? f.accepted() : null);
    }
}
