package id.go.bangka.inovasi.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value, when present, looks like an OPD code ({@link OpdCodes}). */
@Documented
@Pattern(regexp = OpdCodes.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
    ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OpdCode {

    String message() default OpdCodes.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
