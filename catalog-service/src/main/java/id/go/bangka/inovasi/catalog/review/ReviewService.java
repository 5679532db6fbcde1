package id.go.bangka.inovasi.catalog.review;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.snapshot.SnapshotPublisher;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import id.go.bangka.inovasi.platform.problem.PlainText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Reviewers' decisions: each moves an innovation one step along the lifecycle, atomically on its document, appends to
 * its audit trail (with the note, which stays internal) and publishes the new snapshot.
 */
@Service
public class ReviewService {

    static final int NOTE_LENGTH = 2000;
    private static final int ATTEMPTS = 5;

    private final InnovationStore store;
    private final SnapshotPublisher snapshots;
    private final Clock clock = Clock.systemUTC();

    public ReviewService(InnovationStore store, SnapshotPublisher snapshots) {
        this.store = store;
        this.snapshots = snapshots;
    }

    public Innovation decide(CallerIdentity caller, UUID id, Long expectedVersion, ReviewRequest request) {
        requireReviewer(caller);
        validate(request);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Innovation current = store.find(id)
                    .orElseThrow(() -> ApiProblem.notFound("No innovation " + id + "."));
            if (request.decision().from() != current.status()) {
                throw new ApiProblem(HttpStatus.CONFLICT, "Decision not possible",
                        request.decision() + " is not possible while the innovation is " + current.status() + ".")
                        .with("status", current.status()).with("allowed", Decision.allowedIn(current.status()));
            }
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "Version changed",
                        "The innovation is at version " + current.version() + ", not " + expectedVersion + ".")
                        .with("version", current.version());
            }
            String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
            Innovation next = current.next(request.decision().to(), current.proposal(), current.titleKey(),
                    new InnovationChanged.LastChange(ChangeKind.REVIEW_DECISION, clock.instant(), caller.clientId(),
                            null),
                    request.decision().name(), note);
            if (store.replace(current.version(), next)) {
                snapshots.publish(next);
                return next;
            }
        }
        throw new ApiProblem(HttpStatus.CONFLICT, "Busy", "The innovation kept changing; try again.");
    }

    static void requireReviewer(CallerIdentity caller) {
        if (caller.isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthenticated", "Reviewing requires a reviewer's key.");
        }
        if (!caller.hasRole(Roles.REVIEWER)) {
            throw ApiProblem.forbidden("Only reviewers decide reviews; client " + caller.clientId() + " has roles "
                    + caller.roles() + ".");
        }
    }

    private static void validate(ReviewRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.decision() == null) {
            errors.add(new FieldError("/decision", "decision is required: one of "
                    + List.of(Decision.values())));
        }
        if (request != null && request.note() != null && request.note().length() > NOTE_LENGTH) {
            errors.add(new FieldError("/note", "must be at most " + NOTE_LENGTH + " characters"));
        }
        if (request != null) {
            PlainText.check("/note", request.note(), true).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "The request has " + errors.size() + " invalid value(s); see errors.").with("errors", errors);
        }
    }
}
