package id.go.bangka.inovasi.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link HttpLink}. */
public class HttpLinkValidator implements ConstraintValidator<HttpLink, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || HttpLinks.problem(value)
                .map(problem -> Violations.refuse(context, problem)).orElse(true);
    }
}
