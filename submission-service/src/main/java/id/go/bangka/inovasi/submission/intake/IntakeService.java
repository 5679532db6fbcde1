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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Accepts a portal's create, revise or withdraw exactly once per (caller, Idempotency-Key): claims the key, publishes
 * the event, waits for the broker's ack, marks the key sent. A replay returns the first answer; the same key with
 * another request is 422; a crash before the mark only causes a resend of the same submissionId, which the catalogue
 * applies once.
 */
@Service
public class IntakeService {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final IdempotencyStore store;
    private final SubmissionPublisher publisher;
    private final ProposalValidator validator;
    private final IntakeMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public IntakeService(IdempotencyStore store, SubmissionPublisher publisher, ProposalValidator validator,
            IntakeMetrics metrics) {
        this.store = store;
        this.publisher = publisher;
        this.validator = validator;
        this.metrics = metrics;
    }

    /** Proposes a new innovation. */
    public SubmissionAccepted create(CallerIdentity caller, String idempotencyKey, ProposalRequest request) {
        requirePortal(caller);
        ProposalValidator.Result result = validProposal(idempotencyKey, request);
        InnovationProposal proposal = request.toProposal();
        requireOpd(caller, proposal.opdCode());
        UUID submissionId = SubmissionIds.submissionId(caller.clientId(), idempotencyKey);
        return accept(caller, submissionId, new Intent(SubmissionAction.CREATE,
                SubmissionIds.createdInnovationId(submissionId), 0, proposal.opdCode(), proposal, null),
                result.warnings());
    }

    /** Revises an innovation from the version named in If-Match. */
    public SubmissionAccepted revise(CallerIdentity caller, String idempotencyKey, UUID innovationId, String ifMatch,
            ProposalRequest request) {
        requirePortal(caller);
        long baseVersion = RequiredIfMatch.baseVersion(ifMatch);
        ProposalValidator.Result result = validProposal(idempotencyKey, request);
        InnovationProposal proposal = request.toProposal();
        requireOpd(caller, proposal.opdCode());
        return accept(caller, SubmissionIds.submissionId(caller.clientId(), idempotencyKey),
                new Intent(SubmissionAction.REVISE, innovationId, baseVersion, proposal.opdCode(), proposal, null),
                result.warnings());
    }

    /** Withdraws an innovation from the version named in If-Match. */
    public SubmissionAccepted withdraw(CallerIdentity caller, String idempotencyKey, UUID innovationId,
            String ifMatch, WithdrawalRequest request) {
        requirePortal(caller);
        long baseVersion = RequiredIfMatch.baseVersion(ifMatch);
        WithdrawalRequest body = request == null ? new WithdrawalRequest(null, null) : request;
        List<FieldError> errors = keyErrors(idempotencyKey);
        errors.addAll(validator.errors(body));
        rejectIfAny(errors);
        String opdCode = body.opdCode();
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        requireOpd(caller, opdCode);
        return accept(caller, SubmissionIds.submissionId(caller.clientId(), idempotencyKey),
                new Intent(SubmissionAction.WITHDRAW, innovationId, baseVersion, opdCode, null, reason), List.of());
    }

    private SubmissionAccepted accept(CallerIdentity caller, UUID submissionId, Intent intent,
            List<String> warnings) {
        String fingerprint = fingerprint(intent);
        IdempotencyRecord record = store.claim(new IdempotencyRecord(submissionId, caller.clientId(), fingerprint,
                intent.innovationId(), intent.opdCode(), clock.instant(), null));
        if (!record.bodyHash().equals(fingerprint)) {
            metrics.rejected(IntakeMetrics.Reason.IDEMPOTENCY_KEY_REUSED);
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request. Use a new key for a new"
                            + " submission.").with("submissionId", submissionId);
        }
        SubmissionAccepted accepted = new SubmissionAccepted(submissionId, record.innovationId(), warnings);
        if (record.sent()) {
            return accepted;
        }
        try {
            publisher.publish(new SubmissionReceived(submissionId, intent.innovationId(), intent.action(),
                    intent.baseVersion(), new Caller(caller.clientId(), Roles.PORTAL), intent.opdCode(),
                    record.receivedAt(), intent.proposal(), intent.reason()), caller.requestId());
        } catch (BrokerUnavailableException e) {
            metrics.rejected(IntakeMetrics.Reason.BROKER_UNAVAILABLE);
            throw e;
        }
        store.markSent(submissionId, clock.instant());
        metrics.accepted(intent.action());
        return accepted;
    }

    private ProposalValidator.Result validProposal(String idempotencyKey, ProposalRequest request) {
        List<FieldError> errors = keyErrors(idempotencyKey);
        if (request == null) {
            errors.add(new FieldError("", "a JSON body with the innovation is required"));
            rejectIfAny(errors);
        }
        ProposalValidator.Result result = validator.validate(request);
        errors.addAll(result.errors());
        rejectIfAny(errors);
        return result;
    }

    /** The request's body could not be read: its errors with those of the Idempotency-Key, counted as invalid. */
    ApiProblem unreadableBody(String idempotencyKey, List<FieldError> bodyErrors) {
        List<FieldError> errors = keyErrors(idempotencyKey);
        errors.addAll(bodyErrors);
        return invalid(errors);
    }

    private static List<FieldError> keyErrors(String idempotencyKey) {
        List<FieldError> errors = new ArrayList<>();
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            errors.add(new FieldError("Idempotency-Key", "header is required on every write: the same value for"
                    + " every retry of one submission (a UUID is a good choice)"));
        } else if (!KEY.matcher(idempotencyKey).matches()) {
            errors.add(new FieldError("Idempotency-Key", "must be 1 to 128 letters, digits or . _ : -"));
        }
        return errors;
    }

    private void rejectIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    private ApiProblem invalid(List<FieldError> errors) {
        metrics.invalid(errors);
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has " + errors.size() + " invalid value(s); see errors.").with("errors", errors);
    }

    private void requirePortal(CallerIdentity caller) {
        if (caller.isAnonymous()) {
            metrics.rejected(IntakeMetrics.Reason.UNAUTHENTICATED);
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthenticated", "Writes require a portal's API key.");
        }
        if (!caller.hasRole(Roles.PORTAL)) {
            metrics.rejected(IntakeMetrics.Reason.FORBIDDEN);
            throw ApiProblem.forbidden("Only OPD portals submit innovations; client " + caller.clientId()
                    + " has roles " + caller.roles() + ".");
        }
    }

    private void requireOpd(CallerIdentity caller, String opdCode) {
        if (!caller.mayActFor(opdCode)) {
            metrics.rejected(IntakeMetrics.Reason.FORBIDDEN);
            throw ApiProblem.forbidden("Client " + caller.clientId() + " may not act for OPD " + opdCode
                    + "; it acts for " + caller.opdCodes() + ".");
        }
    }

    private static String fingerprint(Intent intent) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(EventCodec.encode(intent)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
