package id.go.bangka.inovasi.catalog.review;

import id.go.bangka.inovasi.catalog.history.HistoryEntry;
import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationPage;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.InnovationView;
import id.go.bangka.inovasi.catalog.innovation.PageDepth;
import id.go.bangka.inovasi.catalog.innovation.Visibility;
import id.go.bangka.inovasi.platform.http.IfMatch;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
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
@Tag(name = "Review", description = "Bappeda reviewers: the queue, lifecycle decisions and the audit trail")
public class ReviewController {

    private static final String QUEUE_EXAMPLE = """
            {"items":[{"id":"8f0c6c1e-3b7a-4c57-9a51-2f3d8f1b6a10","version":3,"status":"SUBMITTED",
            "title":"Posyandu Pintar Baturusa","opdCode":"DINKES","field":"HEALTH","year":2024,
            "submittedAt":"2026-11-02T08:15:00Z","waiting":{"since":"2026-11-10T09:00:00Z","days":19},
            "designWords":47,"warnings":["design has 47 word(s); the IID asks for at least 300"],
            "evidence":{"indicators":20,"evidenced":1,"accepted":0,"mandatory":["16","17","32","33","35"],
            "mandatoryMissing":["17","32","33","35"]}}],
            "page":0,"size":20,"total":2489,"facets":{"status":{"SUBMITTED":2489,"REVISION_REQUESTED":12,
            "VERIFIED":4,"PUBLISHED":310,"ARCHIVED":2,"WITHDRAWN":7}}}""";

    private final ReviewService reviews;
    private final ReviewQueue queue;
    private final InnovationStore store;

    public ReviewController(ReviewService reviews, ReviewQueue queue, InnovationStore store) {
        this.reviews = reviews;
        this.queue = queue;
        this.store = store;
    }

    @PostMapping("/api/v1/innovations/{id}/review")
    @Operation(operationId = "decideReview",
            summary = "One lifecycle step: request revision, verify, publish or archive",
            description = "Reviewers only. The message is for the owning OPD (it reads it in the history); the note"
                    + " stays internal to reviewers and ops. An illegal step is 409 with the allowed ones.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = {
                        @ExampleObject(name = "verify",
                                value = "{\"decision\":\"VERIFY\",\"note\":\"Bukti lengkap\"}"),
                        @ExampleObject(name = "requestRevision", value = "{\"decision\":\"REQUEST_REVISION\","
                                + "\"message\":\"Lengkapi video dan dasar hukum pada rancang bangun.\","
                                + "\"note\":\"Dasar hukum dicek ke bagian hukum\"}")})),
            responses = {
                @ApiResponse(responseCode = "200", description = "The innovation after the step; ETag is its version",
                        headers = @Header(name = "ETag", description = "The new version")),
                @ApiResponse(responseCode = "400", description = "Missing or unknown decision, or If-Match malformed"),
                @ApiResponse(responseCode = "403", description = "Not a reviewer"),
                @ApiResponse(responseCode = "404", description = "No such innovation"),
                @ApiResponse(responseCode = "409", description = "Not allowed in the current status (allowed lists"
                        + " what is)"),
                @ApiResponse(responseCode = "412", description = "If-Match names another version than the current")})
    ResponseEntity<InnovationView> decide(CallerIdentity caller,
            @Parameter(description = "The innovation") @PathVariable UUID id,
            @Parameter(description = "Optional: the version decided on, e.g. \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReviewRequest request) {
        Innovation decided = reviews.decide(caller, id, IfMatch.version(ifMatch), request);
        return ResponseEntity.ok().eTag(Long.toString(decided.version())).body(InnovationView.of(decided, true));
    }

    /** Longest waiting first, with the counts per status under the same filters. */
    @GetMapping("/api/v1/review/queue")
    @Operation(operationId = "reviewQueue", summary = "The review queue, longest waiting first",
            description = "Reviewers only. The items of one status (SUBMITTED by default), longest waiting first (by"
                    + " their last change), filtered by bidang, OPD, text (answered by the catalogue's search index,"
                    + " which follows the snapshots within a moment) and waiting time. Each item carries how long it"
                    + " waits, how complete its IID evidence is (mandatory indicators missing, evidenced and accepted"
                    + " indicators) and the intake's warnings on the record as it stands. `total` counts the items of"
                    + " the status; `facets.status` counts every status under the other filters.",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page of the queue with its total and the counts"
                        + " per status", content = @Content(examples = @ExampleObject(value = QUEUE_EXAMPLE))),
                @ApiResponse(responseCode = "400", description = "Invalid parameters, all listed in errors"),
                @ApiResponse(responseCode = "403", description = "Not a reviewer")})
    InnovationPage<QueueItem> queue(CallerIdentity caller, @ParameterObject @Valid QueueFilter filter,
            @Parameter(description = "Page number, from 0; a page reaches at most 10,000 results deep")
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more")
            @Max(value = PageDepth.MAX_RESULTS - 1, message = "must be 9999 or less") int page,
            @Parameter(description = "Page size")
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100")
            @Max(value = 100, message = "must be between 1 and 100") int size) {
        ReviewService.requireReviewer(caller);
        PageDepth.check(page, size);
        return queue.page(caller, filter, page, size);
    }

    /** What the console checks before a reviewer verifies: the item as the queue describes it. */
    @GetMapping("/api/v1/review/queue/{id}")
    @Operation(operationId = "reviewQueueItem", summary = "One innovation as the review queue describes it",
            description = "Reviewers only, whatever its status: how long it waits, how complete its IID evidence is"
                    + " and the intake's warnings, as each queue item carries them.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The item"),
                @ApiResponse(responseCode = "403", description = "Not a reviewer"),
                @ApiResponse(responseCode = "404", description = "No such innovation")})
    QueueItem queueItem(CallerIdentity caller, @Parameter(description = "The innovation") @PathVariable UUID id) {
        ReviewService.requireReviewer(caller);
        return queue.item(id).orElseThrow(() -> ApiProblem.notFound("No innovation " + id + "."));
    }

    /** The audit trail, for the owning OPD's portal and for reviewers and ops. */
    @GetMapping("/api/v1/innovations/{id}/history")
    @Operation(operationId = "innovationHistory", summary = "The audit trail of an innovation",
            description = "The owning OPD's portal, reviewers and ops: who, when, action, status before and after,"
                    + " field-level changes, the reviewer's message to the OPD and notes. A decision's internal note"
                    + " only reviewers and ops read; the owning OPD gets it as null.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The entries, oldest first"),
                @ApiResponse(responseCode = "404", description = "No such innovation visible to this caller")})
    List<HistoryEntry> history(CallerIdentity caller,
            @Parameter(description = "The innovation") @PathVariable UUID id) {
        return store.find(id).filter(i -> Visibility.mayReadPersonalData(caller, i))
                .map(i -> ReviewService.visibleTo(caller, i.history() == null ? List.of() : i.history()))
                .orElseThrow(() -> ApiProblem.notFound("No innovation " + id + " is visible to this caller."));
    }
}
