package id.go.bangka.inovasi.submission.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a submission stands: RECEIVED (acknowledged by the broker, not yet processed by the catalogue), APPLIED or
 * REJECTED with reasons. The catalogue's answer is taken as is when it has one.
 *
 * @param submissionId the submission
 * @param innovationId the innovation it is about
 * @param status       RECEIVED, APPLIED or REJECTED
 * @param reasons      why it was rejected; empty otherwise
 * @param version      the innovation's version after applying it; null unless APPLIED
 * @param processedAt  when the catalogue processed it; null while RECEIVED
 */
public record SubmissionStatus(UUID submissionId, UUID innovationId, String status, List<String> reasons,
        Long version, Instant processedAt) {

    public static final String RECEIVED = "RECEIVED";

    static SubmissionStatus received(UUID submissionId, UUID innovationId) {
        return new SubmissionStatus(submissionId, innovationId, RECEIVED, List.of(), null, null);
    }
}
