package id.go.bangka.inovasi.catalog.review;

import id.go.bangka.inovasi.catalog.history.HistoryEntry;
import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationPage;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.InnovationView;
import id.go.bangka.inovasi.catalog.innovation.Visibility;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.http.IfMatch;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.validation.OpdCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reviewers' console API: the queue, decisions, and every innovation's audit trail. */
@RestController
public class ReviewController {

    private final ReviewService reviews;
    private final InnovationStore store;

    public ReviewController(ReviewService reviews, InnovationStore store) {
        this.reviews = reviews;
        this.store = store;
    }

    @PostMapping("/api/v1/innovations/{id}/review")
    ResponseEntity<InnovationView> decide(CallerIdentity caller, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReviewRequest request) {
        Innovation decided = reviews.decide(caller, id, IfMatch.version(ifMatch), request);
        return ResponseEntity.ok().eTag(Long.toString(decided.version())).body(InnovationView.of(decided, true));
    }

    /** Oldest first: what waits longest is reviewed first. */
    @GetMapping("/api/v1/review/queue")
    InnovationPage queue(CallerIdentity caller,
            @RequestParam(defaultValue = "SUBMITTED") InnovationStatus status,
            @RequestParam(required = false) InnovationField field,
            @RequestParam(required = false) @OpdCode String opdCode,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more")
            @Max(value = 10_000, message = "must be 10000 or less") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100")
            @Max(value = 100, message = "must be between 1 and 100") int size) {
        ReviewService.requireReviewer(caller);
        List<Criteria> filters = new ArrayList<>(List.of(Criteria.where("status").is(status)));
        if (field != null) {
            filters.add(Criteria.where("proposal.field").is(field));
        }
        if (opdCode != null) {
            filters.add(Criteria.where("proposal.opdCode").is(opdCode));
        }
        Criteria criteria = new Criteria().andOperator(filters);
        List<InnovationView> items = store.page(criteria, page, size, Sort.by(Sort.Direction.ASC, "submittedAt"))
                .stream().map(i -> InnovationView.of(i, true)).toList();
        return new InnovationPage(items, page, size, store.count(criteria), Map.of());
    }

    /** The audit trail, for the owning OPD's portal and for reviewers and ops. */
    @GetMapping("/api/v1/innovations/{id}/history")
    List<HistoryEntry> history(CallerIdentity caller, @PathVariable UUID id) {
        return store.find(id).filter(i -> Visibility.mayReadPersonalData(caller, i))
                .map(i -> i.history() == null ? List.<HistoryEntry>of() : i.history())
                .orElseThrow(() -> ApiProblem.notFound("No innovation " + id + " is visible to this caller."));
    }
}
