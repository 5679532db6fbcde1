package id.go.bangka.inovasi.stats.view;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.platform.kafka.KafkaClientSettings;
import id.go.bangka.inovasi.stats.readiness.CatchUpTracker;
import id.go.bangka.inovasi.testsupport.TestKafkaClients;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The restore's consumer is built from {@code spring.kafka.*} and joins no group. */
class ViewRestoreClientTest {

    @Test
    void theConsumerCarriesTheCommonKafkaProperties() {
        KafkaClientSettings kafka = TestKafkaClients.settings("127.0.0.1:9",
                Map.of("security.protocol", "PLAINTEXT", "client.dns.lookup", "use_all_dns_ips"));
        ViewRestore restore = new ViewRestore(kafka, Topics.CATALOG,
                new SnapshotRecords(new CatalogView(), new CatchUpTracker(kafka)));

        assertThat(restore.consumerConfig()).containsEntry("client.dns.lookup", "use_all_dns_ips")
                .containsEntry("security.protocol", "PLAINTEXT").containsEntry("client.id", "stats-view-restore")
                .doesNotContainKey("group.id");
    }
}
