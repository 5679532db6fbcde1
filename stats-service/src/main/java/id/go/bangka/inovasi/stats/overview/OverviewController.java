package id.go.bangka.inovasi.stats.overview;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.stats.query.QueryParams;
import id.go.bangka.inovasi.stats.query.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/stats/overview}: public numbers count PUBLISHED innovations; reviewers and ops see all. */
@RestController
public class OverviewController {

    private final OverviewService overviews;

    public OverviewController(OverviewService overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/api/v1/stats/overview")
    Overview overview(CallerIdentity caller, HttpServletRequest request) {
        QueryParams.onlyKnown(request, Set.of());
        return overviews.overview(Scope.of(caller));
    }
}
