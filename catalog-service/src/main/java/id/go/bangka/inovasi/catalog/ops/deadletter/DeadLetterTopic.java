package id.go.bangka.inovasi.catalog.ops.deadletter;

import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.platform.kafka.KafkaClientSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.stereotype.Component;

/**
 * Reads {@code inovasi.submissions.v1.dlt} with a short-lived consumer that joins no group, so reading commits
 * nothing and never disturbs the catalogue's consumers. Offsets of the topic are contiguous (plain, non-transactional
 * writes), so a page is found from the partitions' first and end offsets without reading what comes before it.
 */
@Component
public class DeadLetterTopic {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> consumerConfig;

    public DeadLetterTopic(KafkaClientSettings kafka) {
        this.consumerConfig = kafka.groupLessConsumer("catalog-dead-letter-reader", Map.of(
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
    }

    /** The configuration of the consumers it creates. */
    Map<String, Object> consumerConfig() {
        return consumerConfig;
    }

    /** The given page, ordered by partition and offset. */
    public DeadLetterPage page(int page, int size) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            long skip = (long) page * size;
            List<DeadLetter> items = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                long available = end.get(partition) - begin.get(partition);
                if (skip >= available) {
                    skip -= available;
                    continue;
                }
                long from = begin.get(partition) + skip;
                skip = 0;
                long until = Math.min(end.get(partition), from + size - items.size());
                read(consumer, partition, from, until).forEach(r -> items.add(DeadLetter.of(r)));
                if (items.size() >= size) {
                    break;
                }
            }
            return new DeadLetterPage(items, total, page, size);
        }
    }

    /** The record at that position, if the topic still holds it. */
    public Optional<ConsumerRecord<byte[], byte[]>> find(int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition wanted = new TopicPartition(Topics.SUBMISSIONS_DEAD_LETTERS, partition);
            if (!partitions(consumer).contains(wanted)) {
                return Optional.empty();
            }
            long begin = consumer.beginningOffsets(List.of(wanted), TIMEOUT).get(wanted);
            long end = consumer.endOffsets(List.of(wanted), TIMEOUT).get(wanted);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            return read(consumer, wanted, offset, offset + 1).stream().findFirst();
        }
    }

    /** How many dead letters the topic holds. */
    public long count() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
            return consumer.endOffsets(partitions, TIMEOUT).entrySet().stream()
                    .mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> consumer,
            TopicPartition partition, long from, long until) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (consumer.position(partition, TIMEOUT) < until && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200)).records(partition)) {
                if (record.offset() < until) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return consumer.partitionsFor(Topics.SUBMISSIONS_DEAD_LETTERS, TIMEOUT).stream()
                .map(PartitionInfo::partition).sorted(Comparator.naturalOrder())
                .map(p -> new TopicPartition(Topics.SUBMISSIONS_DEAD_LETTERS, p)).toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
