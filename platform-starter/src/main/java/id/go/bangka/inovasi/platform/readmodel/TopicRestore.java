package id.go.bangka.inovasi.platform.readmodel;

import id.go.bangka.inovasi.platform.kafka.KafkaClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Rebuilds a read model at start-up with a plain KafkaConsumer: every partition of the feed's topic from the beginning
 * up to the end offsets it finds first, then hands over to the feed's binding, which starts at those offsets
 * ({@link RestoreHandover}). Reading the backlog outside the binding skips its per-record costs (a {@code Message} and a
 * tracing span for each historical record); live records still go through the binding. Each poll's records go to the
 * handler together ({@link ReadModelHandler#applyRestored}); once it has read up to the end offsets the handler is told
 * ({@link ReadModelHandler#restored}). A broker that is not reachable yet is retried every second; a failure halfway
 * reads again from the beginning (applying a record twice changes nothing).
 */
public class TopicRestore implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicRestore.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REQUEST = Duration.ofSeconds(10);

    private final Map<String, Object> consumerConfig;
    private final String name;
    private final String topic;
    private final ReadModelRecords records;
    private final CompletableFuture<Map<TopicPartition, Long>> endOffsets = new CompletableFuture<>();
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public TopicRestore(KafkaClientSettings kafka, ReadModelFeed feed, ReadModelRecords records) {
        this.name = feed.name() + "-restore";
        this.consumerConfig = kafka.groupLessConsumer(name, Map.of(
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000));
        this.topic = feed.topic();
        this.records = records;
    }

    /** The configuration of its consumer. */
    public Map<String, Object> consumerConfig() {
        return consumerConfig;
    }

    /**
     * The end offsets the restore reads up to, once it has fetched them.
     *
     * @return empty when they are not known within {@code wait}
     */
    public Optional<Map<TopicPartition, Long>> endOffsets(Duration wait) {
        try {
            return Optional.of(endOffsets.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::restore, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Last, after the web server: probes and callers get answers (readiness OUT_OF_SERVICE with the progress) for the
     * whole rebuild, however short. The binding, started earlier, waits in {@link RestoreHandover} for the end
     * offsets this restore fetches first.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private void restore() {
        while (running) {
            long start = System.nanoTime();
            try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = reader;
                long read = readToEnd(reader);
                log.info("{} read {}: {} records up to offsets {} in {} ms", name, topic, read,
                        endOffsets.join(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                return;
            } catch (WakeupException stopped) {
                return;
            } catch (KafkaException e) {
                log.warn("{} of {} failed, trying again in 1 s: {}", name, topic, e.getMessage());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private long readToEnd(KafkaConsumer<byte[], byte[]> reader) {
        List<TopicPartition> partitions = reader.partitionsFor(topic, REQUEST).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        if (!endOffsets.isDone()) {
            endOffsets.complete(Map.copyOf(reader.endOffsets(partitions, REQUEST)));
        }
        Map<TopicPartition, Long> end = endOffsets.join();
        long read = 0;
        boolean reading = !reachedEnd(reader, partitions, end);
        if (!reading) {
            records.restored();
        }
        while (running && reading) {
            List<ReadModelRecord> batch = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                if (record.offset() < end.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                    batch.add(new ReadModelRecord(record.key(), headers(record), record.value(), record.partition(),
                            record.offset()));
                }
            }
            reading = !reachedEnd(reader, partitions, end);
            records.applyRestored(batch, !reading);
            read += batch.size();
        }
        return read;
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> reader, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(p -> reader.position(p, REQUEST) >= end.getOrDefault(p, 0L));
    }

    private static Map<String, Object> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
