package id.go.bangka.inovasi.submission.intake;

import java.util.UUID;

/**
 * Body of the 202 answer: the ids under which to follow the submission.
 *
 * @param submissionId follow at {@code GET /api/v1/submissions/{submissionId}}
 * @param innovationId the innovation at {@code GET /api/v1/innovations/{innovationId}} once applied
 */
public record SubmissionAccepted(UUID submissionId, UUID innovationId) {
}
