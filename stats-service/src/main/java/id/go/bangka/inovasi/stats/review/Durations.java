package id.go.bangka.inovasi.stats.review;

/** A growable list of durations in seconds. */
final class Durations {

    private long[] seconds = new long[16];
    private int size;

    /** Adds {@code to - from} when both are present and in order. */
    void add(long from, long to, long none) {
        if (from != none && to != none && to >= from) {
            if (size == seconds.length) {
                seconds = java.util.Arrays.copyOf(seconds, size * 2);
            }
            seconds[size++] = to - from;
        }
    }

    ReviewStats.Hours hours() {
        return new ReviewStats.Hours(size, Percentiles.hours(seconds, size, 50), Percentiles.hours(seconds, size, 90));
    }
}
