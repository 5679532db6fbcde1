package id.go.bangka.inovasi.stats.review;

import java.util.Arrays;

/** Nearest-rank percentiles of durations in seconds, reported in hours with one decimal. */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code percent}% of the values at or below it.
     * Sorts {@code values} in place; null when there are none.
     */
    static Double hours(long[] values, int length, int percent) {
        if (length == 0) {
            return null;
        }
        Arrays.sort(values, 0, length);
        int rank = (int) Math.ceil(percent / 100.0 * length);
        return Math.round(values[Math.max(rank, 1) - 1] / 360.0) / 10.0;
    }
}
