package id.go.bangka.inovasi.catalog.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How the catalogue processed one submission: stored for a rejection (the first one stored for a submission id is
 * final), assembled from the innovation for an applied one ({@link SubmissionOutcomes}).
 *
 * @param submissionId the submission
 * @param innovationId the innovation it was about
 * @param clientId     who submitted it
 * @param opdCode      the owning OPD
 * @param status       APPLIED or REJECTED
 * @param reasons      why it was rejected (codes with details); empty when applied
 * @param version      the innovation's version after applying; null when rejected
 * @param processedAt  when
 */
@Document(SubmissionOutcome.COLLECTION)
public record SubmissionOutcome(
        @Id UUID submissionId,
        UUID innovationId,
        String clientId,
        String opdCode,
        Status status,
        List<String> reasons,
        Long version,
        Instant processedAt) {

    public static final String COLLECTION = "submission_outcomes";

    /** Outcome of a submission. */
    public enum Status {
        APPLIED,
        REJECTED
    }
}
