package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import id.go.bangka.inovasi.catalog.search.SearchTerms;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads of the catalogue, filtered by what the caller may see. */
@RestController
@RequestMapping("/api/v1/innovations")
public class InnovationQueryController {

    private final InnovationStore store;

    public InnovationQueryController(InnovationStore store) {
        this.store = store;
    }

    @GetMapping("/{id}")
    ResponseEntity<InnovationView> one(@PathVariable UUID id, CallerIdentity caller) {
        Innovation innovation = store.find(id).filter(i -> Visibility.maySee(caller, i))
                .orElseThrow(() -> ApiProblem.notFound("No innovation " + id + " is visible to this caller."));
        return ResponseEntity.ok().eTag(Long.toString(innovation.version()))
                .body(InnovationView.of(innovation, Visibility.mayReadPersonalData(caller, innovation)));
    }

    @GetMapping
    InnovationPage search(CallerIdentity caller,
            @RequestParam(required = false) @Size(max = SearchTerms.MAX_QUERY_LENGTH,
                    message = "must be at most 200 characters") String q,
            @RequestParam(required = false) InnovationField field,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}",
                    message = "must be an OPD code such as DINKES") String opdCode,
            @RequestParam(required = false) @Min(value = 2015, message = "must be 2015 or later")
            @Max(value = 2100, message = "must be 2100 or earlier") Integer year,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more")
            @Max(value = 10_000, message = "must be 10000 or less") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100")
            @Max(value = 100, message = "must be between 1 and 100") int size) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(Visibility.criteria(caller));
        if (q != null && !q.isBlank()) {
            Set<String> terms = SearchTerms.analyze(q);
            if (!terms.isEmpty()) {
                filters.add(Criteria.where("searchTerms").all(terms));
            }
        }
        if (field != null) {
            filters.add(Criteria.where("proposal.field").is(field));
        }
        if (opdCode != null) {
            filters.add(Criteria.where("proposal.opdCode").is(opdCode));
        }
        if (year != null) {
            filters.add(Criteria.where("proposal.year").is(year));
        }
        filters.removeIf(c -> c.getCriteriaObject().isEmpty());
        Criteria criteria = filters.isEmpty() ? new Criteria() : new Criteria().andOperator(filters);
        List<InnovationView> items = store.page(criteria, page, size).stream()
                .map(i -> InnovationView.of(i, Visibility.mayReadPersonalData(caller, i))).toList();
        return new InnovationPage(items, page, size, store.count(criteria));
    }
}
