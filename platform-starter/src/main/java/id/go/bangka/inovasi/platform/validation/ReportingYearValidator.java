package id.go.bangka.inovasi.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link ReportingYear} on an integer; the clock is the application's {@link Clock} bean. */
public class ReportingYearValidator implements ConstraintValidator<ReportingYear, Integer> {

    private final Clock clock;

    public ReportingYearValidator() {
        this(Clock.systemUTC());
    }

    @Autowired
    public ReportingYearValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isValid(Integer year, ConstraintValidatorContext context) {
        return year == null || ReportingYears.contains(year, clock) || Violations.refuse(context, ReportingYears.message(clock));
    }
}
