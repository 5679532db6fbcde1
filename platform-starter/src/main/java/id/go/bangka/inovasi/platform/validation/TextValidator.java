package id.go.bangka.inovasi.platform.validation;

import id.go.bangka.inovasi.platform.problem.FieldError;
import id.go.bangka.inovasi.platform.problem.PlainText;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Text}. */
public class TextValidator implements ConstraintValidator<Text, String> {

    private Text rule;

    @Override
    public void initialize(Text rule) {
        this.rule = rule;
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        if (text == null) {
            return true;
        }
        var plain = PlainText.check("", text, rule.multiline()).map(FieldError::detail);
        if (plain.isPresent()) {
            return Violations.refuse(context, plain.get());
        }
        int length = text.strip().length();
        if ((length > 0 && length < rule.min()) || length > rule.max()) {
            return Violations.refuse(context, rule.min() > 0
                    ? "must be " + rule.min() + " to " + rule.max() + " characters"
                    : "must be at most " + rule.max() + " characters");
        }
        return true;
    }
}
