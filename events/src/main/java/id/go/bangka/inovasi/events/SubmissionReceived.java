package id.go.bangka.inovasi.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Published on {@link Topics#SUBMISSIONS} once intake accepted a submission; keyed by innovationId.
 *
 * @param submissionId derived from (caller, Idempotency-Key): a retry carries the same id
 * @param innovationId the innovation the action is about (new for CREATE)
 * @param action       what is asked
 * @param baseVersion  the version the portal revised or withdrew from; 0 for CREATE
 * @param caller       who asked
 * @param opdCode      the owning agency
 * @param receivedAt   when intake accepted it
 * @param proposal     the proposed record; null for WITHDRAW
 * @param reason       why the portal withdraws; null otherwise
 */
public record SubmissionReceived(
        UUID submissionId,
        UUID innovationId,
        SubmissionAction action,
        long baseVersion,
        Caller caller,
        String opdCode,
        Instant receivedAt,
        InnovationProposal proposal,
        String reason) {
}
