package id.go.bangka.inovasi.stats.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.fixtures.Snapshots;
import id.go.bangka.inovasi.platform.readmodel.CatchUpTracker;
import id.go.bangka.inovasi.platform.readmodel.ReadModelFeed;
import id.go.bangka.inovasi.platform.readmodel.ReadModelRecords;
import id.go.bangka.inovasi.platform.readmodel.RestoreHandover;
import id.go.bangka.inovasi.platform.readmodel.TopicRestore;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.TestKafkaClients;
import id.go.bangka.inovasi.testsupport.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** platform-starter's read-model restore and its handover to the binding, with stats' view, on the in-JVM broker. */
class TopicRestoreIT {

    private final String bootstrap = EmbeddedInfrastructure.get().kafkaBootstrapServers();
    private final String topic = "restore-" + UUID.randomUUID();
    private final CatalogView view = new CatalogView();
    private final ReadModelFeed feed = new ReadModelFeed("catalog", topic, "countSnapshot-in-0",
            new SnapshotRecords(view), null);
    private final CatchUpTracker tracker = new CatchUpTracker(TestKafkaClients.settings(bootstrap), feed);
    private TopicRestore restore;

    @BeforeEach
    void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void stop() {
        if (restore != null) {
            restore.stop();
        }
    }

    @Test
    void readsEveryRecordUpToTheEndOffsetsItFoundAndSkipsWhatItCannotRead() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        write(snapshot(first, 1, InnovationStatus.SUBMITTED));
        write(snapshot(first, 2, InnovationStatus.PUBLISHED));
        write(snapshot(second, 1, InnovationStatus.SUBMITTED));
        TopicWriter.send(bootstrap, topic, UUID.randomUUID().toString(),
                Map.of(CloudEventHeaders.TYPE, EventTypes.INNOVATION_CHANGED), "{not json".getBytes(StandardCharsets.UTF_8));

        restore = new TopicRestore(TestKafkaClients.settings(bootstrap), feed, new ReadModelRecords(feed, tracker));
        restore.start();

        Map<TopicPartition, Long> end = restore.endOffsets(Duration.ofSeconds(30)).orElseThrow();
        assertThat(end.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(seenRecords()).isEqualTo(4));
        assertThat(view.size()).isEqualTo(2);
        assertThat(view.all()).anySatisfy(facts -> {
            assertThat(facts.id()).isEqualTo(first);
            assertThat(facts.version()).isEqualTo(2);
        });

        write(snapshot(UUID.randomUUID(), 1, InnovationStatus.SUBMITTED));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(view.size()).isEqualTo(2));
    }

    @Test
    void theBindingStartsWhereTheRestoreStopped() {
        write(snapshot(UUID.randomUUID(), 1, InnovationStatus.SUBMITTED));
        write(snapshot(UUID.randomUUID(), 1, InnovationStatus.SUBMITTED));
        restore = new TopicRestore(TestKafkaClients.settings(bootstrap), feed, new ReadModelRecords(feed, tracker));
        restore.start();
        Map<TopicPartition, Long> end = restore.endOffsets(Duration.ofSeconds(30)).orElseThrow();
        write(snapshot(UUID.randomUUID(), 1, InnovationStatus.SUBMITTED));
        List<TopicPartition> partitions = List.copyOf(end.keySet());

        try (KafkaConsumer<byte[], byte[]> binding = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            binding.assign(partitions);
            RestoreHandover handover = new RestoreHandover(feed, restore);

            handover.onPartitionsAssigned("countSnapshot-in-0", binding, partitions, false);
            partitions.forEach(p -> assertThat(binding.position(p)).isZero());
            handover.onPartitionsAssigned("intake-in-0", binding, partitions, true);
            partitions.forEach(p -> assertThat(binding.position(p)).as("another binding is left alone").isZero());

            handover.onPartitionsAssigned("countSnapshot-in-0", binding, partitions, true);
            partitions.forEach(p -> assertThat(binding.position(p)).isEqualTo(end.get(p)));
            long remaining = 0;
            for (int i = 0; i < 10 && remaining == 0; i++) {
                remaining += binding.poll(Duration.ofMillis(500)).count();
            }
            assertThat(remaining).isEqualTo(1);
        }
    }

    private long seenRecords() {
        return tracker.progress().applied().values().stream().mapToLong(offset -> offset + 1).sum();
    }

    private void write(InnovationChanged snapshot) {
        TopicWriter.send(bootstrap, topic, snapshot.innovationId().toString(),
                Map.of(CloudEventHeaders.TYPE, EventTypes.INNOVATION_CHANGED), EventCodec.encode(snapshot));
    }

    private static InnovationChanged snapshot(UUID id, long version, InnovationStatus status) {
        Instant at = Instant.parse("2026-03-01T02:00:00Z");
        return Snapshots.full(id, version, status, "DINKES", InnovationField.HEALTH, 2026, GovernmentAffair.HEALTH, at,
                null, null, null);
    }
}
