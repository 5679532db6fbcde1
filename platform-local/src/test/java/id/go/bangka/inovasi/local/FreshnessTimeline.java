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
 * {@code inovasi.catalog.v1}) and when stats counted it. Splits the freshness into the 202, the catalogue hop (the
 * broker's delivery and the catalogue's apply) and the stats hop, and writes every submission's times to a CSV file,
 * to lay beside the processes' collector logs. The create times are the producers' own, so the benchmark's consumer
 * that reads them may fetch in batches: when it sees a record changes no figure.
 */
final class FreshnessTimeline {

    /** Wall-clock nanoseconds minus {@link System#nanoTime()}, to put both on one clock (to the millisecond). */
    private final long wallOffsetNanos;
    private final Map<String, Long> eventSentMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> acceptedNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> snapshotSentMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> countedNanos = new ConcurrentHashMap<>();

    FreshnessTimeline() {
        this(System.currentTimeMillis() * 1_000_000L - System.nanoTime());
    }

    /** A timeline whose {@link System#nanoTime()} readings are the given offset behind the wall clock. */
    FreshnessTimeline(long wallOffsetNanos) {
        this.wallOffsetNanos = wallOffsetNanos;
    }

    void eventSent(String innovationId, long createTimeMillis) {
        eventSentMillis.putIfAbsent(innovationId, createTimeMillis);
    }

    void accepted(String innovationId, long nanoTime) {
        acceptedNanos.put(innovationId, nanoTime);
    }

    void snapshotSent(String innovationId, long createTimeMillis) {
        snapshotSentMillis.putIfAbsent(innovationId, createTimeMillis);
    }

    /** How many submissions were accepted. */
    long accepted() {
        return acceptedNanos.size();
    }

    /** Whether every accepted submission's snapshot has been sent. */
    boolean everySnapshotSent() {
        return snapshotSentMillis.keySet().containsAll(acceptedNanos.keySet());
    }

    /** Accepted submissions whose snapshot was not sent. */
    long withoutSnapshot() {
        return acceptedNanos.keySet().stream().filter(id -> !snapshotSentMillis.containsKey(id)).count();
    }

    /**
     * Times the stats count from samples of its total ({@link System#nanoTime()} and total, in the order taken): the
     * k-th snapshot sent is counted when the total first reaches base + k. Stats applies snapshots in the topic's
     * order per partition, so this estimates each one's time to be counted (late by up to one sampling interval and
     * the request's own time).
     */
    void countedInStats(List<long[]> samples, long base) {
        List<Map.Entry<String, Long>> sent = new ArrayList<>(snapshotSentMillis.entrySet());
        sent.sort(Map.Entry.comparingByValue());
        int sample = 0;
        for (int k = 0; k < sent.size(); k++) {
            while (sample < samples.size() && samples.get(sample)[1] < base + k + 1) {
                sample++;
            }
            if (sample == samples.size()) {
                return;
            }
            countedNanos.put(sent.get(k).getKey(), samples.get(sample)[0]);
        }
    }

    /** From each 202 to the snapshot's send by catalog-service, microseconds. */
    Histogram toCatalogue() {
        Histogram histogram = new Histogram(3);
        acceptedNanos.forEach((id, accepted) -> {
            Long snapshot = snapshotSentMillis.get(id);
            if (snapshot != null) {
                record(histogram, snapshot * 1000 - wallMicros(accepted));
            }
        });
        return histogram;
    }

    /** From each 202 to its count in stats, microseconds. */
    Histogram toStats() {
        Histogram histogram = new Histogram(3);
        acceptedNanos.forEach((id, accepted) -> {
            Long counted = countedNanos.get(id);
            if (counted != null) {
                record(histogram, (counted - accepted) / 1000);
            }
        });
        return histogram;
    }

    /** Prints p50 / p95 / p99 of each segment, as a Markdown table row per segment. */
    void printSegments(int rate) {
        Histogram toAccepted = new Histogram(3);
        Histogram toSnapshotSent = new Histogram(3);
        Histogram toCounted = new Histogram(3);
        acceptedNanos.forEach((id, accepted) -> {
            Long event = eventSentMillis.get(id);
            Long snapshot = snapshotSentMillis.get(id);
            Long counted = countedNanos.get(id);
            if (event != null) {
                record(toAccepted, wallMicros(accepted) - event * 1000);
                if (snapshot != null) {
                    record(toSnapshotSent, (snapshot - event) * 1000);
                }
            }
            if (snapshot != null && counted != null) {
                record(toCounted, wallMicros(counted) - snapshot * 1000);
            }
        });
        System.out.printf("%n| rate/s | segment | p50 / p95 / p99 ms |%n|---|---|---|%n");
        row(rate, "event sent -> 202 at the load generator", toAccepted);
        row(rate, "event sent -> snapshot sent (broker to the catalogue, applied)", toSnapshotSent);
        row(rate, "snapshot sent -> counted by stats", toCounted);
    }

    /** One line per accepted submission: id and the four times (ISO instants, empty when not seen). */
    void write(Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("innovation,event_sent,accepted,snapshot_sent,counted_in_stats");
        acceptedNanos.forEach((id, accepted) -> lines.add(String.join(",", id,
                millis(eventSentMillis.get(id)), micros(wallMicros(accepted)),
                millis(snapshotSentMillis.get(id)), nanos(countedNanos.get(id)))));
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
