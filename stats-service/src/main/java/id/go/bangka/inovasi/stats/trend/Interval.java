package id.go.bangka.inovasi.stats.trend;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** Bucket size of a trend. */
public enum Interval {
    MONTH,
    YEAR;

    /** The bucket of a month. */
    YearMonth bucket(YearMonth month) {
        return this == MONTH ? month : YearMonth.of(month.getYear(), 1);
    }

    YearMonth next(YearMonth bucket) {
        return this == MONTH ? bucket.plus(1, ChronoUnit.MONTHS) : bucket.plusYears(1);
    }

    String label(YearMonth bucket) {
        return this == MONTH ? bucket.toString() : Integer.toString(bucket.getYear());
    }
}
