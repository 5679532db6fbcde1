package id.go.bangka.inovasi.catalog.intake;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.Refusal;
import id.go.bangka.inovasi.catalog.innovation.Transition;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Applies SubmissionReceived events to the catalogue exactly once in effect. An applied submission's outcome is
 * written by the same document write as its change (the innovation records the submissions applied to it), so a
 * crash after the write loses nothing and a redelivery finds it applied and changes nothing. A rejection changes no
 * innovation: it is stored as an outcome keyed by the submission id, the first one final ({@link SubmissionOutcomes}).
 * The rules are the lifecycle's ({@link Innovation#revise}, {@link Innovation#withdraw}).
 */
@Service
public class SubmissionApplier {

    private static final Logger log = LoggerFactory.getLogger(SubmissionApplier.class);

    private final InnovationStore innovations;
    private final SubmissionOutcomes outcomes;
    private final ApplyMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public SubmissionApplier(InnovationStore innovations, SubmissionOutcomes outcomes, ApplyMetrics metrics) {
        this.innovations = innovations;
        this.outcomes = outcomes;
        this.metrics = metrics;
    }

    public void apply(SubmissionReceived event) {
        apply(event, null);
    }

    /**
     * Applies a submission; {@code replayedBy}, when not null, is the ops caller who replayed it from the dead
     * letters, named in the audit entry of its change.
     */
    public void apply(SubmissionReceived event, String replayedBy) {
        if (event.action() == SubmissionAction.CREATE) {
            create(event, replayedBy);
        } else {
            change(event, replayedBy);
        }
    }

    /**
     * Inserts the new innovation in one command: the unique indexes on the id and the title key refuse a redelivery
     * and a taken title, and only then is the innovation looked up to tell the two apart.
     */
    private void create(SubmissionReceived event, String replayedBy) {
        try {
            innovations.insert(Innovation.created(event.innovationId(), event.proposal(), event.receivedAt(),
                    lastChange(event, clock.instant())).replayedBy(replayedBy));
        } catch (DuplicateKeyException e) {
            Optional<Innovation> existing = innovations.find(event.innovationId());
            if (existing.isEmpty()) {
                reject(event, duplicateTitle(event));
            } else if (existing.get().hasApplied(event.submissionId())) {
                duplicate(event);
            } else {
                reject(event, new Refusal(Refusal.Code.ALREADY_EXISTS,
                        "innovation " + event.innovationId() + " already exists"));
            }
            return;
        }
        applied(event, 1);
    }

    private void change(SubmissionReceived event, String replayedBy) {
        Transition result;
        try {
            result = innovations.update(event.innovationId(), current -> replayed(next(event, current), replayedBy));
        } catch (DuplicateKeyException e) {
            reject(event, duplicateTitle(event));
            return;
        }
        if (result.made()) {
            applied(event, result.next().version());
        } else if (result.refusal().code() == Refusal.Code.ALREADY_APPLIED) {
            duplicate(event);
        } else {
            reject(event, result.refusal());
        }
    }

    private Transition next(SubmissionReceived event, Innovation current) {
        InnovationChanged.LastChange change = lastChange(event, clock.instant());
        if (event.action() == SubmissionAction.WITHDRAW) {
            return current.withdraw(event.opdCode(), event.baseVersion(), event.reason(), change);
        }
        Transition revised = current.revise(event.opdCode(), event.baseVersion(), event.proposal(), change);
        if (revised.made() && !revised.next().titleKey().equals(current.titleKey())
                && innovations.titleTaken(revised.next().titleKey(), current.id())) {
            return new Transition(current, null, duplicateTitle(event));
        }
        return revised;
    }

    private static Transition replayed(Transition transition, String replayedBy) {
        return transition.made() && replayedBy != null
                ? Transition.to(transition.current(), transition.next().replayedBy(replayedBy)) : transition;
    }

    private static InnovationChanged.LastChange lastChange(SubmissionReceived event, Instant now) {
        return new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, now, event.caller().clientId(),
                event.submissionId());
    }

    private static Refusal duplicateTitle(SubmissionReceived event) {
        return new Refusal(Refusal.Code.DUPLICATE_TITLE, "OPD " + event.opdCode()
                + " already has an innovation titled '" + event.proposal().title() + "' in "
                + event.proposal().year());
    }

    private void applied(SubmissionReceived event, long version) {
        log.info("Submission {} ({} of {}) APPLIED as version {}", event.submissionId(), event.action(),
                event.innovationId(), version);
        metrics.applied();
    }

    private void duplicate(SubmissionReceived event) {
        log.debug("Submission {} already applied to {}", event.submissionId(), event.innovationId());
        metrics.duplicate();
    }

    private void reject(SubmissionReceived event, Refusal refusal) {
        log.info("Submission {} ({} of {}) REJECTED: {}", event.submissionId(), event.action(), event.innovationId(),
                refusal.reason());
        metrics.rejected(refusal);
        outcomes.rejected(event, refusal, clock.instant());
    }
}
