package id.go.bangka.inovasi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * The times of each submission of a freshness step, per innovation id, on one clock (the machine's wall clock):
 * when submission-service sent its event (the record's create time on {@code inovasi.submissions.v1}), when the
 * load generator had the 202, when catalog-service sent the snapshot (the record's create time on
 * {@code inovasi.catalog.v1}) and when the benchmark's consumer saw it. Splits the catalogue hop into the broker's
 * delivery and the catalogue's apply, and the snapshot's way back, and writes every submission's times to a CSV file,
 * to lay beside the processes' collector logs.
 */
final class FreshnessTimeline {

    /** Wall-clock nanoseconds minus {@link System#nanoTime()}, to put both on one clock (to the millisecond). */
    private final long wallOffsetNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    private final Map<String, Long> eventSentMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> acceptedNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> snapshotSentMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> snapshotSeenNanos = new ConcurrentHashMap<>();

    void eventSent(String innovationId, long createTimeMillis) {
        eventSentMillis.putIfAbsent(innovationId, createTimeMillis);
    }

    void accepted(String innovationId, long nanoTime) {
        acceptedNanos.put(innovationId, nanoTime);
    }

    void snapshotSent(String innovationId, long createTimeMillis, long seenNanoTime) {
        snapshotSentMillis.putIfAbsent(innovationId, createTimeMillis);
        snapshotSeenNanos.putIfAbsent(innovationId, seenNanoTime);
    }

    /** The 202 times by innovation id ({@link System#nanoTime()}). */
    Map<String, Long> acceptedAt() {
        return acceptedNanos;
    }

    /** When the snapshot of each innovation was seen ({@link System#nanoTime()}). */
    Map<String, Long> snapshotAt() {
        return snapshotSeenNanos;
    }

    /** Prints p50 / p95 / p99 of each segment, as a Markdown table row per segment. */
    void printSegments(int rate) {
        Histogram toAccepted = new Histogram(3);
        Histogram toSnapshotSent = new Histogram(3);
        Histogram toSeen = new Histogram(3);
        acceptedNanos.forEach((id, accepted) -> {
            Long event = eventSentMillis.get(id);
            Long snapshot = snapshotSentMillis.get(id);
            if (event != null) {
                record(toAccepted, wallMicros(accepted) - event * 1000);
                if (snapshot != null) {
                    record(toSnapshotSent, (snapshot - event) * 1000);
                    record(toSeen, wallMicros(snapshotSeenNanos.get(id)) - snapshot * 1000);
                }
            }
        });
        System.out.printf("%n| rate/s | segment | p50 / p95 / p99 ms |%n|---|---|---|%n");
        row(rate, "event sent -> 202 at the load generator", toAccepted);
        row(rate, "event sent -> snapshot sent (broker to the catalogue, applied)", toSnapshotSent);
        row(rate, "snapshot sent -> seen by the benchmark's consumer", toSeen);
    }

    /** One line per accepted submission: id and the four times (ISO instants, empty when not seen). */
    void write(Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("innovation,event_sent,accepted,snapshot_sent,snapshot_seen");
        acceptedNanos.forEach((id, accepted) -> lines.add(String.join(",", id,
                millis(eventSentMillis.get(id)), micros(wallMicros(accepted)),
                millis(snapshotSentMillis.get(id)), nanos(snapshotSeenNanos.get(id)))));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("  every submission's times: %s%n", file);
    }

    private long wallMicros(long nanoTime) {
        return (nanoTime + wallOffsetNanos) / 1000;
    }

    private String nanos(Long nanoTime) {
        return nanoTime == null ? "" : micros(wallMicros(nanoTime));
    }

    private static String millis(Long epochMillis) {
        return epochMillis == null ? "" : Instant.ofEpochMilli(epochMillis).toString();
    }

    private static String micros(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS).toString();
    }

    private static void record(Histogram histogram, long micros) {
        histogram.recordValue(Math.max(0, micros));
    }

    private static void row(int rate, String segment, Histogram histogram) {
        System.out.printf("| %d | %s | %.1f / %.1f / %.1f |%n", rate, segment, PlatformBenchmark.ms(histogram, 50),
                PlatformBenchmark.ms(histogram, 95), PlatformBenchmark.ms(histogram, 99));
    }
}
