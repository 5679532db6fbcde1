package id.go.bangka.inovasi.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text callers send, when not null: plain text ({@link id.go.bangka.inovasi.platform.problem.PlainText}: no control
 * characters, line breaks and tabs only when {@link #multiline()}, valid Unicode) and, stripped of surrounding
 * white space, {@link #min()} to {@link #max()} characters. Blank text passes the minimum: {@code @NotBlank} says
 * whether the text is required.
 */
@Documented
@Constraint(validatedBy = TextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
    ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

    int min() default 0;

    int max();

    boolean multiline() default false;

    /** Unused: the message says which part of the rule is broken. */
    String message() default "must be plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
