package id.go.bangka.inovasi.catalog.review;

import id.go.bangka.inovasi.catalog.history.HistoryEntry;
import id.go.bangka.inovasi.catalog.innovation.Decision;
import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.Refusal;
import id.go.bangka.inovasi.catalog.innovation.Transition;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Reviewers' decisions: authorise, validate, and update the innovation by its lifecycle step
 * ({@link Innovation#decide}); the store writes it with its audit entry (the message for the owning OPD, the note
 * for reviewers only) and its snapshot follows.
 */
@Service
public class ReviewService {

    private final InnovationStore store;
    private final Clock clock = Clock.systemUTC();

    public ReviewService(InnovationStore store) {
        this.store = store;
    }

    public Innovation decide(CallerIdentity caller, UUID id, Long expectedVersion, ReviewRequest request) {
        requireReviewer(caller);
        validate(request);
        String message = stripped(request.message());
        String note = stripped(request.note());
        InnovationChanged.LastChange change = new InnovationChanged.LastChange(ChangeKind.REVIEW_DECISION,
                clock.instant(), caller.clientId(), null);
        Transition result = store.update(id, current -> current.decide(request.decision(), expectedVersion, message,
                note, change));
        if (result.made()) {
            return result.next();
        }
        Innovation current = result.current();
        Refusal refusal = result.refusal();
        throw switch (refusal.code()) {
            case INVALID_STATE -> new ApiProblem(HttpStatus.CONFLICT, "Decision not possible", refusal.detail())
                    .with("status", current.status()).with("allowed", Decision.allowedIn(current.status()));
            case CONFLICT -> new ApiProblem(HttpStatus.PRECONDITION_FAILED, "Version changed", refusal.detail())
                    .with("version", current.version());
            default -> ApiProblem.notFound("No innovation " + id + ".");
        };
    }

    /** The history as this caller may read it: reviewers and ops every note, the owning OPD no internal note. */
    static List<HistoryEntry> visibleTo(CallerIdentity caller, List<HistoryEntry> history) {
        if (caller.hasRole(Roles.REVIEWER) || caller.hasRole(Roles.OPS)) {
            return history;
        }
        Set<String> decisions = Arrays.stream(Decision.values()).map(d -> d.action().name())
                .collect(Collectors.toSet());
        return history.stream().map(entry -> entry.forOwner(decisions)).toList();
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
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

    /** The body's rules are its Bean Validation constraints (checked before this); only its absence is left. */
    private static void validate(ReviewRequest request) {
        if (request == null || request.decision() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has 1 invalid value(s); "
                    + "see errors.").with("errors", List.of(new FieldError("/decision", "decision is required: one "
                    + "of " + List.of(Decision.values()))));
        }
    }
}
