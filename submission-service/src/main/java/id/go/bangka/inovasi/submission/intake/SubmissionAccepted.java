package id.go.bangka.inovasi.submission.intake;

import java.util.List;
import java.util.UUID;

/**
 * Body of the 202 answer: the ids under which to follow the submission, and what weakens its IID score.
 *
 * @param submissionId follow at {@code GET /api/v1/submissions/{submissionId}}
 * @param innovationId the innovation at {@code GET /api/v1/innovations/{innovationId}} once applied
 * @param warnings     accepted, but worth fixing (for example a design text under 300 words)
 */
public record SubmissionAccepted(UUID submissionId, UUID innovationId, List<String> warnings) {
}
