package id.go.bangka.inovasi.submission.intake;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What intake remembers of one (caller, Idempotency-Key): written before the event is sent, marked sent after the
 * broker's ack, expired by a TTL index on {@code receivedAt}.
 *
 * @param submissionId derived from (caller, key)
 * @param clientId     the caller
 * @param bodyHash     SHA-256 of the canonical proposal, to refuse the same key with another body
 * @param innovationId the innovation the submission is about
 * @param opdCode      the owning OPD
 * @param receivedAt   when the first request arrived
 * @param sentAt       when the broker acknowledged the event; null while unsent
 */
@Document(IdempotencyRecord.COLLECTION)
public record IdempotencyRecord(
        @Id UUID submissionId,
        String clientId,
        String bodyHash,
        UUID innovationId,
        String opdCode,
        Instant receivedAt,
        Instant sentAt) {

    public static final String COLLECTION = "idempotency_records";

    public boolean sent() {
        return sentAt != null;
    }
}
