package id.go.bangka.inovasi.submission.registry;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link RegisteredOpd} against the registry bean. */
public class RegisteredOpdValidator implements ConstraintValidator<RegisteredOpd, String> {

    private final OpdRegistry registry;

    public RegisteredOpdValidator(OpdRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
        return code == null || code.isBlank() || registry.find(code).isPresent();
    }
}
