package id.go.bangka.inovasi.platform.validation;

import jakarta.validation.ConstraintValidatorContext;

/** Helpers of the constraint validators. */
final class Violations {

    private Violations() {
    }

    /**
     * Replaces the default violation with one saying {@code message}, a fixed text of the platform (never caller
     * input: it is a message template).
     */
    static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
