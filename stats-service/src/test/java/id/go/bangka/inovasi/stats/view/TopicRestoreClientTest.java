package id.go.bangka.inovasi.stats.view;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.platform.kafka.KafkaClientSettings;
import id.go.bangka.inovasi.platform.readmodel.CatchUpTracker;
import id.go.bangka.inovasi.platform.readmodel.ReadModelFeed;
import id.go.bangka.inovasi.platform.readmodel.ReadModelRecords;
import id.go.bangka.inovasi.platform.readmodel.TopicRestore;
import id.go.bangka.inovasi.testsupport.TestKafkaClients;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The restore's consumer is built from {@code spring.kafka.*} and joins no group. */
class TopicRestoreClientTest {

    @Test
    void theConsumerCarriesTheCommonKafkaProperties() {
        KafkaClientSettings kafka = TestKafkaClients.settings("127.0.0.1:9",
                Map.of("security.protocol", "PLAINTEXT", "client.dns.lookup", "use_all_dns_ips"));
        ReadModelFeed feed = new ReadModelFeed("catalog", Topics.CATALOG, "countSnapshot-in-0",
                new SnapshotRecords(new CatalogView()), null);
        TopicRestore restore = new TopicRestore(kafka, feed, new ReadModelRecords(feed, new CatchUpTracker(kafka, feed)));

        assertThat(restore.consumerConfig()).containsEntry("client.dns.lookup", "use_all_dns_ips")
                .containsEntry("security.protocol", "PLAINTEXT").containsEntry("client.id", "catalog-restore")
                .doesNotContainKey("group.id");
    }
}
