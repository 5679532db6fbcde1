package id.go.bangka.inovasi.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link ReportingYear} on text such as a query parameter; blank text counts as absent. */
public class ReportingYearTextValidator implements ConstraintValidator<ReportingYear, CharSequence> {

    private final Clock clock;

    public ReportingYearTextValidator() {
        this(Clock.systemUTC());
    }

    @Autowired
    public ReportingYearTextValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
        if (text == null || text.toString().isBlank()) {
            return true;
        }
        String digits = text.toString().strip();
        boolean valid = digits.matches("[0-9]{4}") && ReportingYears.contains(Integer.parseInt(digits), clock);
        return valid || Violations.refuse(context,
                "must be a whole number between " + ReportingYears.FIRST + " and " + ReportingYears.last(clock));
    }
}
