package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationPage;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.InnovationView;
import id.go.bangka.inovasi.catalog.innovation.Visibility;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads of the catalogue, filtered by what the caller may see: one innovation, or a page with facet counts. */
@RestController
@RequestMapping("/api/v1/innovations")
public class InnovationQueryController {

    private final InnovationStore store;
    private final Facets facets;

    public InnovationQueryController(InnovationStore store, Facets facets) {
        this.store = store;
        this.facets = facets;
    }

    @GetMapping("/{id}")
    ResponseEntity<InnovationView> one(@PathVariable UUID id, CallerIdentity caller) {
        Innovation innovation = store.find(id).filter(i -> Visibility.maySee(caller, i))
                .orElseThrow(() -> ApiProblem.notFound("No innovation " + id + " is visible to this caller."));
        return ResponseEntity.ok().eTag(Long.toString(innovation.version()))
                .body(InnovationView.of(innovation, Visibility.mayReadPersonalData(caller, innovation)));
    }

    @GetMapping
    InnovationPage search(CallerIdentity caller, @Valid CatalogFilter filter,
            @RequestParam(defaultValue = "NEWEST") CatalogSort sort,
            @RequestParam(defaultValue = "true") boolean withFacets,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more")
            @Max(value = 10_000, message = "must be 10000 or less") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100")
            @Max(value = 100, message = "must be between 1 and 100") int size) {
        Criteria criteria = filter.criteria(caller);
        List<InnovationView> items = store.page(criteria, page, size, sort.sort()).stream()
                .map(i -> InnovationView.of(i, Visibility.mayReadPersonalData(caller, i))).toList();
        return new InnovationPage(items, page, size, store.count(criteria),
                withFacets ? facets.count(criteria) : Map.of());
    }
}
