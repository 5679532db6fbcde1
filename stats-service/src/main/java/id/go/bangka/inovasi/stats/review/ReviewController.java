package id.go.bangka.inovasi.stats.review;

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

/** {@code GET /api/v1/stats/review} plus the common filters: lead times by OPD and the queue's age. */
@RestController
@Tag(name = "Statistics", description = "Numbers for dashboards; the public counts PUBLISHED innovations only")
public class ReviewController {

    private static final Set<String> PARAMETERS = FilterParams.namesWith();

    private final ReviewService reviews;

    public ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/api/v1/stats/review")
    @Operation(operationId = "statsReview", summary = "Review lead times by OPD, median and p90",
            description = "Submitted to verified and verified to published; the queue's age for reviewers and ops.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Lead times overall and by OPD"),
                @ApiResponse(responseCode = "400", description = "Invalid or unknown parameters, listed in errors"),
                @ApiResponse(responseCode = "403", description = "The public asked for another status than"
                        + " PUBLISHED")})
    ReviewStats review(CallerIdentity caller, HttpServletRequest request,
            @Valid @ParameterObject FilterParams filters) {
        QueryParams.onlyKnown(request, PARAMETERS);
        return reviews.review(filters.resolve(Scope.of(caller)));
    }
}
