package id.go.bangka.inovasi.stats.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.platform.readmodel.CatchUpTracker;
import id.go.bangka.inovasi.platform.readmodel.ReadModelFeed;
import id.go.bangka.inovasi.testsupport.TestKafkaClients;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catch-up tracker's admin client is built from {@code spring.kafka.*}, not from the servers alone. */
class CatchUpTrackerClientTest {

    @Test
    void theAdminClientCarriesTheCommonKafkaProperties() {
        CatchUpTracker tracker = new CatchUpTracker(TestKafkaClients.settings("127.0.0.1:9",
                Map.of("security.protocol", "PLAINTEXT", "client.dns.lookup", "use_all_dns_ips")),
                new ReadModelFeed("catalog", "inovasi.catalog.v1", "countSnapshot-in-0", (headers, payload) -> { },
                        null));

        assertThat(tracker.adminConfig()).containsEntry("client.dns.lookup", "use_all_dns_ips")
                .containsEntry("security.protocol", "PLAINTEXT").containsEntry("client.id", "catalog-catch-up");
    }
}
