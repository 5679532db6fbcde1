package id.go.bangka.inovasi.platform.validation;

import java.time.Clock;
import java.time.Year;

/** The domain's reporting years: from 2015, when the regency's innovation index began, to next year. */
public final class ReportingYears {

    public static final int FIRST = 2015;

    private ReportingYears() {
    }

    /** The last reporting year accepted now: next year. */
    public static int last(Clock clock) {
        return Year.now(clock).getValue() + 1;
    }

    public static boolean contains(int year, Clock clock) {
        return year >= FIRST && year <= last(clock);
    }

    /** The message when a year is outside the range. */
    public static String message(Clock clock) {
        return "must be between " + FIRST + " and " + last(clock);
    }
}
