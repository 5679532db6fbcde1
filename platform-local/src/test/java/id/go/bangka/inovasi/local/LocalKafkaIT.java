package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The broker {@code ./run-local.sh} starts, on the classpath it starts it with ({@code target/lib}, the module's
 * runtime dependencies): it must start and carry a record. A runtime dependency of Kafka's demoted to test scope (as
 * HdrHistogram once was, by a test-scoped declaration here) makes the broker exit at start and this test fail.
 */
class LocalKafkaIT {

    private LocalKafka kafka;

    @AfterEach
    void stop() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void brokerStartsFromTheRuntimeClasspathAndCarriesARecord() throws Exception {
        assertThat(System.getProperty(LocalKafka.CLASSPATH_PROPERTY))
                .as("the failsafe configuration names the runtime classpath")
                .endsWith(Path.of("target", "lib", "*").toString());

        Path directory = Files.createTempDirectory(Path.of("target"), "local-kafka");
        kafka = new LocalKafka(directory, TestPlatform.freePort(), TestPlatform.freePort());
        kafka.start(Duration.ofSeconds(60));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("local-kafka-check", 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("local-kafka-check", "key", "Soltan")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-kafka-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of("local-kafka-check"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                assertThat(records).extracting(r -> r.value()).containsExactly("Soltan");
            });
        }
    }
}
