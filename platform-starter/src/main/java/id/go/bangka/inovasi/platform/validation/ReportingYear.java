package id.go.bangka.inovasi.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value, when present, is a reporting year ({@link ReportingYears}): an integer, or text holding one (query
 * parameters read as text).
 */
@Documented
@Constraint(validatedBy = {ReportingYearValidator.class, ReportingYearTextValidator.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
    ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReportingYear {

    /** Unused: the message names the current range. */
    String message() default "must be a reporting year";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
