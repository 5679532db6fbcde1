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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads of the catalogue, filtered by what the caller may see: one innovation, a ranked page with facet counts and
 * highlights, title suggestions and similar innovations. The search index ({@link SearchIndex}) answers which ids, in
 * which order, how many and the facets; the records of a page are read from MongoDB by id.
 */
@RestController
@RequestMapping("/api/v1/innovations")
@Tag(name = "Catalogue", description = "Search, read and export the catalogue of innovations")
public class InnovationQueryController {

    /** Suggestions answered at most. */
    static final int SUGGESTIONS = 8;
    /** Similar innovations answered at most. */
    static final int SIMILAR = 6;

    private final InnovationStore store;
    private final SearchIndex index;

    public InnovationQueryController(InnovationStore store, SearchIndex index) {
        this.store = store;
        this.index = index;
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
        Innovation innovation = visible(id, caller);
        return ResponseEntity.ok().eTag(Long.toString(innovation.version()))
                .body(InnovationView.of(innovation, Visibility.mayReadPersonalData(caller, innovation)));
    }

    @GetMapping
    @Operation(operationId = "searchInnovations", summary = "Search the catalogue, a page with total and facets",
            description = "With q: ranked by relevance (BM25) unless another sort is asked; Indonesian stemming and"
                    + " stop words, one or two typos tolerated (exact matches first), a title match above a passing"
                    + " mention, and each item carries highlight.title and highlight.text, HTML-escaped with the"
                    + " matches in <mark>. Facets count the matches per filter value. The public sees PUBLISHED"
                    + " only, a portal also its own OPDs', reviewers and ops all. The search index follows writes"
                    + " within a moment.",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page with the total and the facet counts"),
                @ApiResponse(responseCode = "400", description = "Invalid parameters, all listed in errors")})
    InnovationPage<InnovationHit> search(CallerIdentity caller, @ParameterObject @Valid CatalogFilter filter,
            @Parameter(description = "Order of the page; RELEVANCE by default with q, NEWEST without")
            @RequestParam(required = false) CatalogSort sort,
            @Parameter(description = "Whether to count facets") @RequestParam(defaultValue = "true")
            boolean withFacets,
            @Parameter(description = "Page number, from 0; a page reaches at most 10,000 results deep")
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more")
            @Max(value = PageDepth.MAX_RESULTS - 1, message = "must be 9999 or less") int page,
            @Parameter(description = "Page size")
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100")
            @Max(value = 100, message = "must be between 1 and 100") int size) {
        PageDepth.check(page, size);
        CatalogSort order = CatalogSort.orDefault(sort, filter);
        SearchHits found = index.search(new SearchQuery(filter, caller, order, page * size, size, withFacets));
        Map<UUID, Innovation> records = store.findAll(found.ids(), InnovationView.FIELDS).stream()
                .collect(Collectors.toMap(Innovation::id, Function.identity()));
        List<InnovationHit> items = found.ids().stream()
                .filter(id -> records.containsKey(id) && Visibility.maySee(caller, records.get(id)))
                .map(id -> {
                    Innovation innovation = records.get(id);
                    return new InnovationHit(InnovationView.of(innovation,
                            Visibility.mayReadPersonalData(caller, innovation)),
                            found.highlighter().highlight(id, innovation.content()));
                })
                .toList();
        return new InnovationPage<>(items, page, size, found.total(), found.facets());
    }

    @GetMapping("/suggest")
    @Operation(operationId = "suggestInnovations", summary = "Titles completing what was typed",
            description = "Up to 8 titles that start with the words typed so far (\"posyandu rem\" finds \"Posyandu"
                    + " Remaja ...\"), case-insensitive, within what the caller may see.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The suggestions, in title order"),
                @ApiResponse(responseCode = "400", description = "q missing, blank or longer than 200 characters")})
    List<Suggestion> suggest(CallerIdentity caller,
            @Parameter(description = "What was typed so far", example = "posyandu rem")
            @RequestParam(required = false) @NotBlank(message = "must not be blank")
            @Size(max = 200, message = "must be at most 200 characters") String q) {
        return index.suggest(q, caller, SUGGESTIONS);
    }

    @GetMapping("/{id}/similar")
    @Operation(operationId = "similarInnovations", summary = "Innovations like this one (inovasi serupa)",
            description = "Up to 6 visible innovations most alike by title and texts (MoreLikeThis), most alike"
                    + " first: what an OPD could replicate. Public for a published innovation.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The similar innovations"),
                @ApiResponse(responseCode = "404", description = "No such innovation visible to this caller")})
    List<InnovationView> similar(@Parameter(description = "The innovation") @PathVariable UUID id,
            CallerIdentity caller) {
        Innovation innovation = visible(id, caller);
        List<UUID> alike = index.similar(id, innovation.version(), innovation.content(), caller, SIMILAR);
        return store.findAll(alike, InnovationView.FIELDS).stream()
                .filter(i -> Visibility.maySee(caller, i))
                .map(i -> InnovationView.of(i, Visibility.mayReadPersonalData(caller, i)))
                .toList();
    }

    private Innovation visible(UUID id, CallerIdentity caller) {
        return store.find(id, InnovationView.FIELDS).filter(i -> Visibility.maySee(caller, i))
                .orElseThrow(() -> ApiProblem.notFound("No innovation " + id + " is visible to this caller."));
    }
}
