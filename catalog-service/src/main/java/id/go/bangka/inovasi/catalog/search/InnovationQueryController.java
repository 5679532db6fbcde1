package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationPage;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.InnovationView;
import id.go.bangka.inovasi.catalog.innovation.PageDepth;
import id.go.bangka.inovasi.catalog.innovation.Visibility;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
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
@Tag(name = "Catalogue", description = "Search, read and export the catalogue of innovations")
public class InnovationQueryController {

    private final InnovationStore store;
    private final Facets facets;

    public InnovationQueryController(InnovationStore store, Facets facets) {
        this.store = store;
        this.facets = facets;
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getInnovation", summary = "One innovation",
            description = "The public sees PUBLISHED innovations only, a portal also its own OPDs', reviewers and ops"
                    + " all. The initiator's name only with consent, or for the owner and reviewers.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The innovation; ETag is its version",
                        headers = @Header(name = "ETag", description = "The version, e.g. \"3\"")),
                @ApiResponse(responseCode = "404", description = "No such innovation visible to this caller")})
    ResponseEntity<InnovationView> one(@Parameter(description = "The innovation") @PathVariable UUID id,
            CallerIdentity caller) {
        Innovation innovation = store.find(id).filter(i -> Visibility.maySee(caller, i))
                .orElseThrow(() -> ApiProblem.notFound("No innovation " + id + " is visible to this caller."));
        return ResponseEntity.ok().eTag(Long.toString(innovation.version()))
                .body(InnovationView.of(innovation, Visibility.mayReadPersonalData(caller, innovation)));
    }

    @GetMapping
    @Operation(operationId = "searchInnovations", summary = "Search the catalogue, a page with total and facets",
            description = "Indonesian-aware text search and filters; facets count the matches per filter value. The"
                    + " public sees PUBLISHED only, a portal also its own OPDs', reviewers and ops all.",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page with the total and the facet counts"),
                @ApiResponse(responseCode = "400", description = "Invalid parameters, all listed in errors")})
    InnovationPage search(CallerIdentity caller, @ParameterObject @Valid CatalogFilter filter,
            @Parameter(description = "Order of the page") @RequestParam(defaultValue = "NEWEST") CatalogSort sort,
            @Parameter(description = "Whether to count facets") @RequestParam(defaultValue = "true")
            boolean withFacets,
            @Parameter(description = "Page number, from 0; a page reaches at most 10,000 results deep")
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more")
            @Max(value = PageDepth.MAX_RESULTS - 1, message = "must be 9999 or less") int page,
            @Parameter(description = "Page size")
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100")
            @Max(value = 100, message = "must be between 1 and 100") int size) {
        PageDepth.check(page, size);
        Criteria criteria = filter.criteria(caller);
        List<InnovationView> items = store.page(criteria, page, size, sort.sort()).stream()
                .map(i -> InnovationView.of(i, Visibility.mayReadPersonalData(caller, i))).toList();
        return new InnovationPage(items, page, size, store.count(criteria),
                withFacets ? facets.count(criteria) : Map.of());
    }
}
