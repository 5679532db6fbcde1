package id.go.bangka.inovasi.submission.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A proposal's implementation does not start before its trial; reported on {@code /implementationDate}. */
@Documented
@Constraint(validatedBy = DatesInOrder.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DatesInOrder {

    String message() default "must not be before trialDate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link DatesInOrder}. */
    class Check implements ConstraintValidator<DatesInOrder, ProposalRequest> {

        @Override
        public boolean isValid(ProposalRequest p, ConstraintValidatorContext context) {
            if (p.trialDate() == null || p.implementationDate() == null
                    || !p.implementationDate().isBefore(p.trialDate())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("implementationDate").addConstraintViolation();
            return false;
        }
    }
}
