package id.go.bangka.inovasi.catalog.intake;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.snapshot.SnapshotPublisher;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Applies SubmissionReceived events to the catalogue exactly once in effect: a submission already applied (a
 * redelivery, or intake's resend after a crash) changes nothing and keeps its first outcome.
 */
@Service
public class SubmissionApplier {

    private static final Logger log = LoggerFactory.getLogger(SubmissionApplier.class);

    private final InnovationStore innovations;
    private final MongoTemplate mongo;
    private final SnapshotPublisher snapshots;
    private final Clock clock = Clock.systemUTC();

    public SubmissionApplier(InnovationStore innovations, MongoTemplate mongo, SnapshotPublisher snapshots) {
        this.innovations = innovations;
        this.mongo = mongo;
        this.snapshots = snapshots;
    }

    public void apply(SubmissionReceived event) {
        if (event.action() != SubmissionAction.CREATE) {
            record(event, SubmissionOutcome.Status.REJECTED,
                    List.of("UNSUPPORTED_ACTION: " + event.action() + " is not supported yet"), null);
            return;
        }
        Optional<Innovation> existing = innovations.find(event.innovationId());
        if (existing.isPresent()) {
            alreadyThere(event, existing.get());
            return;
        }
        Innovation created = newInnovation(event);
        try {
            innovations.insert(created);
        } catch (DuplicateKeyException race) {
            alreadyThere(event, innovations.find(event.innovationId()).orElseThrow(() -> race));
            return;
        }
        record(event, SubmissionOutcome.Status.APPLIED, List.of(), created.version());
        snapshots.publish(created);
    }

    private void alreadyThere(SubmissionReceived event, Innovation innovation) {
        if (innovation.appliedSubmissions().contains(event.submissionId())) {
            log.debug("Submission {} already applied to {}", event.submissionId(), innovation.id());
            record(event, SubmissionOutcome.Status.APPLIED, List.of(), innovation.version());
        } else {
            record(event, SubmissionOutcome.Status.REJECTED,
                    List.of("ALREADY_EXISTS: innovation " + innovation.id() + " already exists"), null);
        }
    }

    private Innovation newInnovation(SubmissionReceived event) {
        InnovationProposal proposal = event.proposal();
        var now = clock.instant();
        return new Innovation(event.innovationId(), 1, 0, true, InnovationStatus.SUBMITTED, proposal.title(),
                proposal.opdCode(), proposal.field(), proposal.stage(), proposal.year(), event.receivedAt(), now,
                new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, now, event.caller().clientId(),
                        event.submissionId()),
                List.of(event.submissionId()));
    }

    private void record(SubmissionReceived event, SubmissionOutcome.Status status, List<String> reasons,
            Long version) {
        try {
            mongo.insert(new SubmissionOutcome(event.submissionId(), event.innovationId(), event.caller().clientId(),
                    event.opdCode(), status, reasons, version, clock.instant()));
        } catch (DuplicateKeyException alreadyRecorded) {
            log.debug("Outcome of submission {} was already recorded", event.submissionId());
        }
    }
}
