package id.go.bangka.inovasi.stats.review;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.stats.query.FilterParams;
import id.go.bangka.inovasi.stats.query.QueryParams;
import id.go.bangka.inovasi.stats.query.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/stats/review} plus the common filters: lead times by OPD and the queue's age. */
@RestController
public class ReviewController {

    private static final Set<String> PARAMETERS = FilterParams.namesWith();

    private final ReviewService reviews;

    public ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/api/v1/stats/review")
    ReviewStats review(CallerIdentity caller, HttpServletRequest request, @Valid FilterParams filters) {
        QueryParams.onlyKnown(request, PARAMETERS);
        return reviews.review(filters.resolve(Scope.of(caller)));
    }
}
