package id.go.bangka.inovasi.submission.registry;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The code, when not blank, is in the OPD registry ({@link OpdRegistry}). */
@Documented
@Constraint(validatedBy = RegisteredOpdValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RegisteredOpd {

    String message() default "unknown OPD code; GET /api/v1/opds lists the registered codes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
