package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.events.Caller;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Accepts a submission exactly once per (caller, Idempotency-Key): claims the key, publishes the event, waits for the
 * broker's ack, marks the key sent. A replay returns the first answer; a crash before the mark only causes a resend
 * of the same submissionId, which the catalogue applies once.
 */
@Service
public class IntakeService {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final IdempotencyStore store;
    private final SubmissionPublisher publisher;
    private final Clock clock;

    public IntakeService(IdempotencyStore store, SubmissionPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
    }

    /** Creates an innovation from a portal's proposal. */
    public SubmissionAccepted create(CallerIdentity caller, String idempotencyKey, ProposalRequest request) {
        authorize(caller, request.opdCode());
        requireValidKey(idempotencyKey);
        InnovationProposal proposal = request.toProposal();
        UUID submissionId = SubmissionIds.submissionId(caller.clientId(), idempotencyKey);
        IdempotencyRecord record = store.claim(new IdempotencyRecord(submissionId, caller.clientId(),
                hash(proposal), SubmissionIds.createdInnovationId(submissionId), proposal.opdCode(), clock.instant(),
                null));
        if (!record.bodyHash().equals(hash(proposal))) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different body. Use a new key for a new submission.")
                    .with("submissionId", submissionId);
        }
        SubmissionAccepted accepted = new SubmissionAccepted(submissionId, record.innovationId());
        if (record.sent()) {
            return accepted;
        }
        publisher.publish(new SubmissionReceived(submissionId, record.innovationId(), SubmissionAction.CREATE, 0,
                new Caller(caller.clientId(), Roles.PORTAL), proposal.opdCode(), record.receivedAt(), proposal));
        store.markSent(submissionId, clock.instant());
        return accepted;
    }

    private static void authorize(CallerIdentity caller, String opdCode) {
        if (caller.isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthenticated", "Submitting requires a portal's API key.");
        }
        if (!caller.hasRole(Roles.PORTAL)) {
            throw ApiProblem.forbidden("Only OPD portals submit innovations; client " + caller.clientId()
                    + " has roles " + caller.roles() + ".");
        }
        if (!caller.mayActFor(opdCode)) {
            throw ApiProblem.forbidden("Client " + caller.clientId() + " may not submit for OPD " + opdCode
                    + "; it acts for " + caller.opdCodes() + ".");
        }
    }

    private static void requireValidKey(String idempotencyKey) {
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "Every write needs an Idempotency-Key header: 1 to 128 characters of letters, digits and . _ : -,"
                            + " the same for every retry of one submission (a UUID is a good choice).")
                    .with("errors", List.of(new FieldError("Idempotency-Key",
                            idempotencyKey == null ? "header is required" : "header has an invalid format")));
        }
    }

    private static String hash(InnovationProposal proposal) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(EventCodec.encode(proposal)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
