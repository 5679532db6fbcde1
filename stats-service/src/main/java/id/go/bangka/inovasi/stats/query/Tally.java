package id.go.bangka.inovasi.stats.query;

import java.util.Map;
import java.util.TreeMap;

/** Counts per value of a dimension, in {@link Dimension#ORDER}; a null value is counted as unspecified. */
public final class Tally {

    private final Map<Object, long[]> counts = new TreeMap<>(Dimension.ORDER);

    public void add(Object value) {
        counts.computeIfAbsent(value, v -> new long[1])[0]++;
    }

    /** Takes back one {@link #add} of the value; a value whose count falls to zero is no longer listed. */
    public void remove(Object value) {
        long[] count = counts.get(value);
        if (count == null) {
            throw new IllegalStateException("No " + value + " counted to take back");
        }
        if (--count[0] == 0) {
            counts.remove(value);
        }
    }

    /** The counts by value, in order. */
    public Map<Object, Long> byValue() {
        Map<Object, Long> result = new java.util.LinkedHashMap<>();
        counts.forEach((value, count) -> result.put(value, count[0]));
        return result;
    }

    /** The counts by key ({@link Labels#key}), in order. */
    public Map<String, Long> byKey() {
        Map<String, Long> result = new java.util.LinkedHashMap<>();
        counts.forEach((value, count) -> result.put(Labels.key(value), count[0]));
        return result;
    }
}
