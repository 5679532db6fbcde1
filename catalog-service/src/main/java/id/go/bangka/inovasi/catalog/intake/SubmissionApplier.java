package id.go.bangka.inovasi.catalog.intake;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.snapshot.SnapshotPublisher;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Applies SubmissionReceived events to the catalogue exactly once in effect. A submission already applied (a
 * redelivery, or intake's resend after a crash) changes nothing and keeps its first outcome. Revisions and withdrawals
 * must name the current version, come from the owning OPD and find the innovation in a state that allows them.
 */
@Service
public class SubmissionApplier {

    private static final Logger log = LoggerFactory.getLogger(SubmissionApplier.class);
    private static final Set<InnovationStatus> REVISABLE =
            EnumSet.of(InnovationStatus.SUBMITTED, InnovationStatus.REVISION_REQUESTED);
    private static final Set<InnovationStatus> WITHDRAWABLE = EnumSet.of(InnovationStatus.SUBMITTED,
            InnovationStatus.REVISION_REQUESTED, InnovationStatus.VERIFIED, InnovationStatus.PUBLISHED);
    private static final int ATTEMPTS = 5;

    private final InnovationStore innovations;
    private final MongoTemplate mongo;
    private final SnapshotPublisher snapshots;
    private final ApplyMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public SubmissionApplier(InnovationStore innovations, MongoTemplate mongo, SnapshotPublisher snapshots,
            ApplyMetrics metrics) {
        this.innovations = innovations;
        this.mongo = mongo;
        this.snapshots = snapshots;
        this.metrics = metrics;
    }

    public void apply(SubmissionReceived event) {
        if (event.action() == SubmissionAction.CREATE) {
            create(event);
        } else {
            change(event);
        }
    }

    /**
     * Inserts the new innovation in one command: the unique indexes on the id and the title key refuse a redelivery
     * and a taken title, and only then is the innovation looked up to tell the two apart.
     */
    private void create(SubmissionReceived event) {
        Innovation created = Innovation.created(event.innovationId(), event.proposal(), event.receivedAt(),
                lastChange(event, clock.instant()));
        try {
            innovations.insert(created);
        } catch (DuplicateKeyException e) {
            Optional<Innovation> existing = innovations.find(event.innovationId());
            if (existing.isPresent()) {
                alreadyThere(event, existing.get());
            } else {
                reject(event, duplicateTitle(event));
            }
            return;
        }
        applied(event, created);
    }

    private void change(SubmissionReceived event) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Innovation> found = innovations.find(event.innovationId());
            if (found.isEmpty()) {
                reject(event, new Rejection("NOT_FOUND", "no innovation " + event.innovationId()));
                return;
            }
            Innovation current = found.get();
            if (current.appliedSubmissions().contains(event.submissionId())) {
                metrics.duplicate();
                return;
            }
            Optional<Rejection> refused = refusal(event, current);
            if (refused.isPresent()) {
                reject(event, refused.get());
                return;
            }
            Innovation next = next(event, current);
            try {
                if (innovations.replace(current.version(), next)) {
                    applied(event, next);
                    return;
                }
            } catch (DuplicateKeyException e) {
                reject(event, duplicateTitle(event));
                return;
            }
            log.debug("Innovation {} changed while applying {}; trying again", current.id(), event.submissionId());
        }
        throw new IllegalStateException("Innovation " + event.innovationId() + " kept changing while applying "
                + event.submissionId());
    }

    private Optional<Rejection> refusal(SubmissionReceived event, Innovation current) {
        if (!current.opdCode().equals(event.opdCode())) {
            return Optional.of(new Rejection("FORBIDDEN", "innovation " + current.id() + " belongs to OPD "
                    + current.opdCode() + ", not " + event.opdCode()));
        }
        Set<InnovationStatus> allowed = event.action() == SubmissionAction.REVISE ? REVISABLE : WITHDRAWABLE;
        if (!allowed.contains(current.status())) {
            return Optional.of(new Rejection("INVALID_STATE", "a " + event.action() + " is not possible in status "
                    + current.status() + "; it is possible in " + allowed));
        }
        if (current.version() != event.baseVersion()) {
            return Optional.of(new Rejection("CONFLICT", "the submission was based on version "
                    + event.baseVersion() + " but the current version is " + current.version()));
        }
        if (event.action() == SubmissionAction.REVISE) {
            String titleKey = Innovation.titleKey(event.proposal());
            if (!titleKey.equals(current.titleKey()) && innovations.titleTaken(titleKey, current.id())) {
                return Optional.of(duplicateTitle(event));
            }
        }
        return Optional.empty();
    }

    private Innovation next(SubmissionReceived event, Innovation current) {
        InnovationChanged.LastChange change = lastChange(event, clock.instant());
        if (event.action() == SubmissionAction.WITHDRAW) {
            return current.next(InnovationStatus.WITHDRAWN, current.proposal(), "withdrawn|" + current.id(), change,
                    event.action().name(), event.reason());
        }
        return current.next(InnovationStatus.SUBMITTED, event.proposal(), Innovation.titleKey(event.proposal()),
                change, event.action().name(), null);
    }

    private static InnovationChanged.LastChange lastChange(SubmissionReceived event, Instant now) {
        return new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, now, event.caller().clientId(),
                event.submissionId());
    }

    private static Rejection duplicateTitle(SubmissionReceived event) {
        return new Rejection("DUPLICATE_TITLE", "OPD " + event.opdCode() + " already has an innovation titled '"
                + event.proposal().title() + "' in " + event.proposal().year());
    }

    private void alreadyThere(SubmissionReceived event, Innovation innovation) {
        if (innovation.appliedSubmissions().contains(event.submissionId())) {
            log.debug("Submission {} already applied to {}", event.submissionId(), innovation.id());
            metrics.duplicate();
            record(event, SubmissionOutcome.Status.APPLIED, List.of(), 1L);
        } else {
            reject(event, new Rejection("ALREADY_EXISTS", "innovation " + innovation.id() + " already exists"));
        }
    }

    private void applied(SubmissionReceived event, Innovation innovation) {
        record(event, SubmissionOutcome.Status.APPLIED, List.of(), innovation.version());
        metrics.applied();
        snapshots.publish(innovation);
    }

    private void reject(SubmissionReceived event, Rejection rejection) {
        log.info("Submission {} rejected: {}", event.submissionId(), rejection.reason());
        metrics.rejected(rejection);
        record(event, SubmissionOutcome.Status.REJECTED, List.of(rejection.reason()), null);
    }

    private void record(SubmissionReceived event, SubmissionOutcome.Status status, List<String> reasons,
            Long version) {
        try {
            log.info("Submission {} ({} of {}) {}", event.submissionId(), event.action(), event.innovationId(),
                    status);
            mongo.insert(new SubmissionOutcome(event.submissionId(), event.innovationId(), event.caller().clientId(),
                    event.opdCode(), status, reasons, version, clock.instant()));
        } catch (DuplicateKeyException alreadyRecorded) {
            log.debug("Outcome of submission {} was already recorded", event.submissionId());
        }
    }
}
