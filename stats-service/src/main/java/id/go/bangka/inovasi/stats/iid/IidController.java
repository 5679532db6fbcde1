package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.stats.query.QueryParams;
import id.go.bangka.inovasi.stats.query.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stats/iid?period=2026&page=&size=}: claimed and verified scores per innovation, a page at a
 * time, and the regency's projected index; the public's numbers cover PUBLISHED innovations only. Computed once per
 * change of the view ({@link IidReports}).
 */
@RestController
@Tag(name = "Statistics", description = "Numbers for dashboards; the public counts PUBLISHED innovations only")
public class IidController {

    private final IidPeriods periods;
    private final IidReports reports;

    public IidController(IidPeriods periods, IidReports reports) {
        this.periods = periods;
        this.reports = reports;
    }

    /**
     * The rules of every assessment period.
     *
     * @param latest  the period the projection uses by default
     * @param periods the rules by period name, each with its sources
     */
    public record Rules(String latest, Map<String, IidPeriod> periods) {
    }

    @GetMapping("/api/v1/stats/iid/periods")
    @Operation(operationId = "statsIidPeriods", summary = "The IID rules of every assessment period, as data",
            description = "Divisor, basic-service affairs required, maxima, thresholds, eligibility, the indicators"
                    + " 1-35 with weights, mandatory flags and the text of parameters 1-3, and the source of each"
                    + " rule.",
            responses = @ApiResponse(responseCode = "200", description = "The rules"))
    Rules rules(HttpServletRequest request) {
        QueryParams.onlyKnown(request, Set.of());
        return new Rules(periods.latest(), periods.all());
    }

    @GetMapping("/api/v1/stats/iid")
    @Operation(operationId = "statsIid", summary = "IID scores per innovation and the regency's projected index",
            description = "Claimed and verified scores; the regency's index over 250 with its recorded SPD, or without"
                    + " one the range for SPD 0 to its maximum with a category only when the whole range lies in one"
                    + " (basis says which case applies); the basic-service affairs no innovation covers. The public's"
                    + " numbers cover PUBLISHED innovations only.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The scores and the projection"),
                @ApiResponse(responseCode = "400", description = "Unknown period or parameter")})
    IidReport iid(CallerIdentity caller, HttpServletRequest request,
            @Parameter(description = "Assessment period, e.g. 2026; the latest when absent")
            @RequestParam(required = false) String period,
            @Parameter(description = "Page of the innovations' scores, from 0")
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more")
            @Max(value = 9_999, message = "must be 9999 or less") int page,
            @Parameter(description = "Innovations per page")
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "must be between 1 and 200")
            @Max(value = 200, message = "must be between 1 and 200") int size) {
        QueryParams.onlyKnown(request, Set.of("period", "page", "size"));
        String name = period == null || period.isBlank() ? periods.latest() : period.trim();
        return reports.page(name, Scope.of(caller), page, size);
    }
}
