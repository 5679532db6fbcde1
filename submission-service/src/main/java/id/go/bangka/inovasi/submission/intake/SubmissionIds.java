package id.go.bangka.inovasi.submission.intake;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Derives ids deterministically, so a retried request yields the same ids even when intake forgot it: the submission
 * from (caller, Idempotency-Key), a new innovation from its creating submission.
 */
final class SubmissionIds {

    private SubmissionIds() {
    }

    static UUID submissionId(String clientId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("submission\n" + clientId + "\n" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8));
    }

    static UUID createdInnovationId(UUID submissionId) {
        return UUID.nameUUIDFromBytes(("innovation\n" + submissionId).getBytes(StandardCharsets.UTF_8));
    }
}
