package id.go.bangka.inovasi.stats.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.testsupport.TestKafkaClients;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catch-up tracker's admin client is built from {@code spring.kafka.*}, not from the servers alone. */
class CatchUpTrackerClientTest {

    @Test
    void theAdminClientCarriesTheCommonKafkaProperties() {
        CatchUpTracker tracker = new CatchUpTracker(TestKafkaClients.settings("127.0.0.1:9",
                Map.of("security.protocol", "PLAINTEXT", "client.dns.lookup", "use_all_dns_ips")));

        assertThat(tracker.adminConfig()).containsEntry("client.dns.lookup", "use_all_dns_ips")
                .containsEntry("security.protocol", "PLAINTEXT").containsEntry("client.id", "stats-catch-up-tracker");
    }
}
