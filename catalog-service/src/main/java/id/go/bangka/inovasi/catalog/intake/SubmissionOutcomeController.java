package id.go.bangka.inovasi.catalog.intake;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/submission-outcomes/{id}}: how the catalogue processed a submission. Internal: called by
 * submission-service with the caller's signed identity, not routed by the gateway, so not in the OpenAPI document.
 */
@RestController
@Hidden
public class SubmissionOutcomeController {

    /**
     * The outcome as submission-service relays it.
     *
     * @param submissionId the submission
     * @param innovationId its innovation
     * @param status       APPLIED or REJECTED
     * @param reasons      why rejected
     * @param version      version after applying
     * @param processedAt  when
     */
    record OutcomeView(UUID submissionId, UUID innovationId, SubmissionOutcome.Status status, List<String> reasons,
            Long version, Instant processedAt) {
    }

    private final SubmissionOutcomes outcomes;

    SubmissionOutcomeController(SubmissionOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping("/api/v1/submission-outcomes/{id}")
    OutcomeView outcome(@PathVariable UUID id, CallerIdentity caller) {
        SubmissionOutcome outcome = outcomes.find(id).orElse(null);
        if (outcome == null || !(caller.clientId().equals(outcome.clientId()) || caller.hasRole(Roles.REVIEWER)
                || caller.hasRole(Roles.OPS))) {
            throw ApiProblem.notFound("No outcome of submission " + id + " is known to this caller.");
        }
        return new OutcomeView(outcome.submissionId(), outcome.innovationId(), outcome.status(), outcome.reasons(),
                outcome.version(), outcome.processedAt());
    }
}
