package id.go.bangka.inovasi.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value, when not null, is an acceptable link ({@link HttpLinks}); blank text is not a link. */
@Documented
@Constraint(validatedBy = HttpLinkValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
    ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface HttpLink {

    /** Unused: the message says what is wrong with the link. */
    String message() default "must be an http(s) URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
