package id.go.bangka.inovasi.catalog.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.platform.kafka.KafkaClientSettings;
import id.go.bangka.inovasi.testsupport.TestKafkaClients;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dead-letter reader and replayer build their clients from {@code spring.kafka.*}, not from the servers alone. */
class DeadLetterClientsTest {

    private final KafkaClientSettings kafka = TestKafkaClients.settings("127.0.0.1:9",
            Map.of("security.protocol", "PLAINTEXT", "client.dns.lookup", "use_all_dns_ips"));

    @Test
    void theReaderAndTheReplayerCarryTheCommonKafkaProperties() {
        assertThat(new DeadLetterTopic(kafka).consumerConfig())
                .containsEntry("client.dns.lookup", "use_all_dns_ips").containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("enable.auto.commit", false).doesNotContainKey("group.id");
        DeadLetterReplayer replayer = new DeadLetterReplayer(kafka);
        try {
            assertThat(replayer.producerConfig()).containsEntry("client.dns.lookup", "use_all_dns_ips")
                    .containsEntry("security.protocol", "PLAINTEXT").containsEntry("acks", "all");
        } finally {
            replayer.destroy();
        }
    }
}
