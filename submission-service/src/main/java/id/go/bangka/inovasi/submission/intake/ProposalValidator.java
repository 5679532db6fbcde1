package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.platform.problem.FieldError;
import id.go.bangka.inovasi.platform.validation.ConstraintErrors;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The intake's check of a proposal: the errors of its constraints ({@link ProposalRequest}), all at once, and the
 * warnings about what is accepted but weakens its IID score.
 */
@Component
public class ProposalValidator {

    private final Validator validator;

    public ProposalValidator(Validator validator) {
        this.validator = validator;
    }

    /**
     * The result of validation.
     *
     * @param errors   what makes the proposal unacceptable
     * @param warnings what is accepted but weakens the innovation's IID score
     */
    public record Result(List<FieldError> errors, List<String> warnings) {
    }

    public Result validate(ProposalRequest p) {
        List<String> warnings = InnovationProposal.iidWarnings(p.design(),
                p.links() == null ? null : p.links().videoUrl());
        return new Result(ConstraintErrors.of(validator, p), warnings);
    }

    /** The errors of any other intake body's constraints. */
    public List<FieldError> errors(Object body) {
        return ConstraintErrors.of(validator, body);
    }
}
