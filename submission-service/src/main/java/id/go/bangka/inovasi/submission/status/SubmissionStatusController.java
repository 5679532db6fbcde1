package id.go.bangka.inovasi.submission.status;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.submission.intake.IdempotencyRecord;
import id.go.bangka.inovasi.submission.intake.IdempotencyStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/submissions/{id}}: RECEIVED while only intake knows it, then the catalogue's APPLIED or REJECTED.
 * Visible to the submitting client and to reviewers and ops; to anyone else it does not exist.
 */
@RestController
@Tag(name = "Intake", description = "OPD portals submit, revise and withdraw innovations")
public class SubmissionStatusController {

    private final IdempotencyStore store;
    private final CatalogOutcomeClient catalog;

    public SubmissionStatusController(IdempotencyStore store, CatalogOutcomeClient catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/submissions/{id}")
    @Operation(operationId = "getSubmissionStatus", summary = "A submission's outcome: RECEIVED, APPLIED or REJECTED",
            description = "The submitting client, reviewers and ops; to anyone else the submission does not exist.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The status, with the version once APPLIED or the"
                        + " reasons once REJECTED"),
                @ApiResponse(responseCode = "404", description = "Unknown to this caller")})
    SubmissionStatus status(@PathVariable UUID id, CallerIdentity caller) {
        if (caller.isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthenticated",
                    "Reading a submission's status requires an API key.");
        }
        Optional<IdempotencyRecord> record = store.find(id).filter(IdempotencyRecord::sent);
        if (record.isPresent() && !mayRead(caller, record.get())) {
            throw notFound(id);
        }
        return catalog.outcome(id, caller)
                .or(() -> record.map(r -> SubmissionStatus.received(r.submissionId(), r.innovationId())))
                .orElseThrow(() -> notFound(id));
    }

    private static boolean mayRead(CallerIdentity caller, IdempotencyRecord record) {
        return caller.clientId().equals(record.clientId()) || caller.hasRole(Roles.REVIEWER)
                || caller.hasRole(Roles.OPS);
    }

    private static ApiProblem notFound(UUID id) {
        return ApiProblem.notFound("No submission " + id + " is known to this caller.");
    }
}
