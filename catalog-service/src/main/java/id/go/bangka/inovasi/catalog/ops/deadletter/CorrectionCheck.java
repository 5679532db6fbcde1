package id.go.bangka.inovasi.catalog.ops.deadletter;

import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.MalformedEventException;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import id.go.bangka.inovasi.platform.problem.InvalidBodyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a corrected dead letter may be: a readable SubmissionReceived (400 otherwise) that keeps the original record's
 * submission id, innovation id, action, caller and OPD, its proposal for that OPD too (422 naming each field that
 * differs, or that the original lacks so it cannot be checked), and whose proposal or withdrawal reason passes
 * intake's rules (400 with intake's errors below {@code /proposal} or at {@code /reason}). A correction may fix what
 * intake would have accepted; it may not make anyone act for another portal, OPD or innovation.
 */
@Component
public class CorrectionCheck {

    private static final JsonMapper TREES = JsonMapper.shared();

    private final ProposalCheckClient intake;

    public CorrectionCheck(ProposalCheckClient intake) {
        this.intake = intake;
    }

    /** The corrected body as the catalogue will read it; 400 when it cannot. */
    public static SubmissionReceived readable(byte[] corrected) {
        try {
            return EventCodec.decode(corrected, SubmissionReceived.class);
        } catch (MalformedEventException e) {
            throw ApiProblem.badRequest("The corrected body is not a readable SubmissionReceived: "
                    + e.getMessage());
        }
    }

    /**
     * Refuses a correction of {@code original} (the dead letter's value) that changes who asked or what, or that
     * intake would refuse; asks intake as catalog-service acting for {@code caller}.
     */
    public void check(byte[] original, byte[] corrected, CallerIdentity caller) {
        SubmissionReceived event = readable(corrected);
        List<FieldError> changed = identityChanges(tree(original), event);
        if (!changed.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Correction changes the submission's identity",
                    "A corrected dead letter must keep the original's submission id, innovation id, action, caller and"
                            + " OPD; " + changed.size() + " differ or cannot be checked. Nothing was replayed.")
                    .with("errors", changed);
        }
        List<FieldError> refused = intakeErrors(tree(corrected), event, caller);
        if (!refused.isEmpty()) {
            throw new InvalidBodyException(refused);
        }
    }

    /** Each identity field of the correction that differs from the original's, or that the original lacks. */
    static List<FieldError> identityChanges(JsonNode original, SubmissionReceived corrected) {
        List<FieldError> errors = new ArrayList<>();
        same(errors, original, "/submissionId", text(corrected.submissionId()));
        same(errors, original, "/innovationId", text(corrected.innovationId()));
        same(errors, original, "/action", text(corrected.action()));
        same(errors, original, "/caller/clientId", corrected.caller() == null ? null : corrected.caller().clientId());
        same(errors, original, "/caller/role", corrected.caller() == null ? null : corrected.caller().role());
        same(errors, original, "/opdCode", corrected.opdCode());
        String originalOpd = original.at("/opdCode").isString() ? original.at("/opdCode").asString() : null;
        if (corrected.proposal() != null && originalOpd != null
                && !originalOpd.equals(corrected.proposal().opdCode())) {
            errors.add(new FieldError("/proposal/opdCode", "must stay " + originalOpd
                    + ", the dead letter's OPD: a correction may not move the innovation to another OPD"));
        }
        return errors;
    }

    private static void same(List<FieldError> errors, JsonNode original, String pointer, String corrected) {
        JsonNode value = original.at(pointer);
        if (!value.isString() || value.asString().isEmpty()) {
            errors.add(new FieldError(pointer, "the dead letter has no readable " + pointer.substring(1)
                    + ", so a correction cannot be checked against it; replay it as it is, without a body"));
        } else if (!value.asString().equals(corrected)) {
            errors.add(new FieldError(pointer, "must stay " + value.asString() + ", as in the dead letter: a"
                    + " correction may not change who asked or what"));
        }
    }

    private List<FieldError> intakeErrors(JsonNode corrected, SubmissionReceived event, CallerIdentity caller) {
        if (event.action() == SubmissionAction.WITHDRAW) {
            ObjectNode withdrawal = TREES.createObjectNode();
            withdrawal.put("opdCode", event.opdCode());
            withdrawal.set("reason", corrected.path("reason").isMissingNode() ? NullNode.getInstance()
                    : corrected.get("reason"));
            return intake.errors(ProposalCheckClient.WITHDRAWAL_CHECKS, TREES.writeValueAsBytes(withdrawal), "",
                    caller);
        }
        JsonNode proposal = corrected.path("proposal");
        if (!proposal.isObject()) {
            return List.of(new FieldError("/proposal", "is required for " + event.action()));
        }
        return intake.errors(ProposalCheckClient.PROPOSAL_CHECKS, TREES.writeValueAsBytes(proposal), "/proposal",
                caller);
    }

    /** The value as a JSON tree, or an empty object when it is not JSON (every field then cannot be checked). */
    private static JsonNode tree(byte[] value) {
        try {
            JsonNode tree = value == null ? null : TREES.readTree(value);
            return tree == null || !tree.isObject() ? TREES.createObjectNode() : tree;
        } catch (JacksonException e) {
            return TREES.createObjectNode();
        }
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
