package id.go.bangka.inovasi.catalog.intake;

import id.go.bangka.inovasi.catalog.history.HistoryEntry;
import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.Refusal;
import id.go.bangka.inovasi.events.SubmissionReceived;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the outcome of each submission is kept. An applied submission's is in the innovation it changed, written by
 * the same write (its id in {@code appliedSubmissions}, its version, client and time in the history entry naming it).
 * A rejection changes no innovation, so it is a document of {@value SubmissionOutcome#COLLECTION} keyed by the
 * submission id, inserted once (the first is final). That collection also holds the applied outcomes older versions
 * wrote there, which are read as they are.
 */
@Component
class SubmissionOutcomes {

    private static final Logger log = LoggerFactory.getLogger(SubmissionOutcomes.class);

    private final MongoTemplate mongo;
    private final InnovationStore innovations;

    SubmissionOutcomes(MongoTemplate mongo, InnovationStore innovations) {
        this.mongo = mongo;
        this.innovations = innovations;
    }

    void rejected(SubmissionReceived event, Refusal refusal, Instant at) {
        try {
            mongo.insert(new SubmissionOutcome(event.submissionId(), event.innovationId(), event.caller().clientId(),
                    event.opdCode(), SubmissionOutcome.Status.REJECTED, List.of(refusal.reason()), null, at));
        } catch (DuplicateKeyException alreadyRecorded) {
            log.debug("Outcome of submission {} was already recorded", event.submissionId());
        }
    }

    /** The outcome of a submission, or empty while the catalogue has not processed it. */
    Optional<SubmissionOutcome> find(UUID submissionId) {
        SubmissionOutcome stored = mongo.findById(submissionId, SubmissionOutcome.class);
        if (stored != null) {
            return Optional.of(stored);
        }
        return innovations.findBySubmission(submissionId).map(innovation -> applied(submissionId, innovation));
    }

    private static SubmissionOutcome applied(UUID submissionId, Innovation innovation) {
        HistoryEntry entry = innovation.history() == null ? null : innovation.history().stream()
                .filter(e -> submissionId.equals(e.submissionId())).findFirst().orElse(null);
        return new SubmissionOutcome(submissionId, innovation.id(), entry == null ? null : entry.by(),
                innovation.opdCode(), SubmissionOutcome.Status.APPLIED, List.of(),
                entry == null ? null : entry.version(), entry == null ? null : entry.at());
    }
}
