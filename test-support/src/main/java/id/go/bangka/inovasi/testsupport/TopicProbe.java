package id.go.bangka.inovasi.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning with a plain Kafka consumer, to assert what services really published. */
public final class TopicProbe {

    private TopicProbe() {
    }

    /**
     * Waits until at least {@code count} records of the topic match, reading every partition from the beginning.
     *
     * @return all matching records seen
     * @throws AssertionError when fewer arrive within the timeout
     */
    public static List<ConsumerRecord<String, byte[]>> await(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, byte[]>> matching, int count, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            Instant deadline = Instant.now().plus(timeout);
            List<ConsumerRecord<String, byte[]>> matches = new ArrayList<>();
            List<TopicPartition> partitions = List.of();
            while (Instant.now().isBefore(deadline)) {
                if (partitions.isEmpty()) {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    continue;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (matching.test(r)) {
                        matches.add(r);
                    }
                });
                if (matches.size() >= count) {
                    return matches;
                }
            }
            throw new PartialResult("Expected " + count + " matching record(s) on " + topic + " within "
                    + timeout + ", saw " + matches.size(), matches);
        }
    }

    /** Every record of the topic that matches, read from the beginning for the whole given duration. */
    public static List<ConsumerRecord<String, byte[]>> collect(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, byte[]>> matching, Duration during) {
        try {
            return await(bootstrapServers, topic, matching, Integer.MAX_VALUE, during);
        } catch (PartialResult partial) {
            return partial.matches;
        }
    }

    /** The value of a header as UTF-8 text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Fewer records than expected arrived in time; carries those that did. */
    static final class PartialResult extends AssertionError {

        private final transient List<ConsumerRecord<String, byte[]>> matches;

        PartialResult(String message, List<ConsumerRecord<String, byte[]>> matches) {
            super(message);
            this.matches = matches;
        }
    }
}
