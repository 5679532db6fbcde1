package id.go.bangka.inovasi.platform.readmodel;

import id.go.bangka.inovasi.platform.kafka.KafkaClientSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows whether this replica has read its read model's topic up to the end offsets it saw when it started, so nobody
 * reads half a model. End offsets are fetched once, on the first check that reaches the broker. The live binding starts
 * where the start-up restore stops, so its offsets count only once the restore has read up to its end offsets: a live
 * record past them says nothing of the records before it.
 */
public class CatchUpTracker {

    private static final Logger log = LoggerFactory.getLogger(CatchUpTracker.class);

    private final Map<String, Object> adminConfig;
    private final String topic;
    private final Supplier<Map<Integer, Long>> endOffsets;
    private final Map<Integer, Long> lastSeen = new ConcurrentHashMap<>();
    /** Offsets the binding applied before the restore was done, counted when it is. */
    private final Map<Integer, Long> liveBeforeRestored = new HashMap<>();
    private volatile boolean restored;
    private volatile Map<Integer, Long> targets;
    private volatile boolean caughtUp;

    public CatchUpTracker(KafkaClientSettings kafka, ReadModelFeed feed) {
        this(kafka, feed.name(), feed.topic());
    }

    CatchUpTracker(KafkaClientSettings kafka, String name, String topic) {
        this.adminConfig = kafka.admin(name + "-catch-up", Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000));
        this.topic = topic;
        this.endOffsets = this::fetchEndOffsets;
    }

    /** With end offsets from elsewhere (null: not known yet). */
    CatchUpTracker(String topic, Supplier<Map<Integer, Long>> endOffsets) {
        this.adminConfig = Map.of();
        this.topic = topic;
        this.endOffsets = endOffsets;
    }

    /** The configuration of the admin clients it creates. */
    public Map<String, Object> adminConfig() {
        return adminConfig;
    }

    /** Records that the start-up restore applied the record at {@code offset} of {@code partition}. */
    public void seen(int partition, long offset) {
        lastSeen.merge(partition, offset, Math::max);
    }

    /**
     * Records that the live binding applied the record at {@code offset} of {@code partition}; it counts once the
     * restore is done ({@link #restored()}).
     */
    public void seenLive(int partition, long offset) {
        if (!restored) {
            synchronized (this) {
                if (!restored) {
                    liveBeforeRestored.merge(partition, offset, Math::max);
                    return;
                }
            }
        }
        lastSeen.merge(partition, offset, Math::max);
    }

    /** The start-up restore has applied everything up to its end offsets: the binding's offsets count from now on. */
    public synchronized void restored() {
        liveBeforeRestored.forEach(this::seen);
        liveBeforeRestored.clear();
        restored = true;
    }

    /** Progress towards the start-up end offsets; fetches them first if needed. */
    public Progress progress() {
        Map<Integer, Long> end = targets();
        if (end == null) {
            return new Progress(false, Map.of(), Map.copyOf(lastSeen), -1, "end offsets not yet known");
        }
        if (!caughtUp) {
            caughtUp = end.entrySet().stream()
                    .allMatch(e -> e.getValue() == 0 || lastSeen.getOrDefault(e.getKey(), -1L) + 1 >= e.getValue());
        }
        long remaining = caughtUp ? 0 : end.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - lastSeen.getOrDefault(e.getKey(), -1L) - 1)).sum();
        return new Progress(caughtUp, end, Map.copyOf(lastSeen), remaining, caughtUp ? "caught up" : "reading");
    }

    private Map<Integer, Long> targets() {
        if (targets == null) {
            synchronized (this) {
                if (targets == null) {
                    targets = endOffsets.get();
                }
            }
        }
        return targets;
    }

    private Map<Integer, Long> fetchEndOffsets() {
        try (Admin admin = Admin.create(adminConfig)) {
            var description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                            p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            log.warn("End offsets of {} unavailable yet: {}", topic, e.getCause().getMessage());
            return null;
        } catch (TimeoutException e) {
            log.warn("End offsets of {} unavailable yet: timed out", topic);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * How far the replica is.
     *
     * @param caughtUp whether every partition reached its start-up end offset
     * @param targets  end offset per partition at start-up
     * @param applied   highest offset applied per partition
     * @param remaining records still to read up to the start-up end offsets (an upper bound: compaction leaves
     *                  gaps); -1 while the end offsets are unknown
     * @param state     in words
     */
    public record Progress(boolean caughtUp, Map<Integer, Long> targets, Map<Integer, Long> applied, long remaining,
            String state) {
    }
}
