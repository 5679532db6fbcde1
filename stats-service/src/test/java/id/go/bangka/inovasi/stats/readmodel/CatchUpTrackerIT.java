package id.go.bangka.inovasi.stats.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.platform.readmodel.CatchUpTracker;
import id.go.bangka.inovasi.platform.readmodel.ReadModelFeed;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.TestKafkaClients;
import id.go.bangka.inovasi.testsupport.TopicWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Readiness waits for the end offsets seen at start, on a real broker. */
class CatchUpTrackerIT {

    private final String bootstrap = EmbeddedInfrastructure.get().kafkaBootstrapServers();

    @Test
    void isNotCaughtUpUntilEveryRecordPresentAtStartWasApplied() throws Exception {
        String topic = "catch-up-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 3; i++) {
            TopicWriter.send(bootstrap, topic, "same-key", Map.of(), new byte[] {(byte) i});
        }
        CatchUpTracker tracker = new CatchUpTracker(TestKafkaClients.settings(bootstrap), feed(topic));

        assertThat(tracker.progress().caughtUp()).isFalse();
        assertThat(tracker.progress().targets()).containsEntry(0, 3L);
        tracker.seen(0, 1);
        assertThat(tracker.progress().caughtUp()).isFalse();
        tracker.seen(0, 2);
        assertThat(tracker.progress().caughtUp()).isTrue();

        TopicWriter.send(bootstrap, topic, "same-key", Map.of(), new byte[] {9});
        assertThat(tracker.progress().caughtUp()).as("later records do not make a ready replica unready").isTrue();
    }

    @Test
    void aTopicThatDoesNotExistYetMeansNothingToWaitFor() {
        assertThat(new CatchUpTracker(TestKafkaClients.settings(bootstrap), feed("absent-" + UUID.randomUUID()))
                .progress().caughtUp()).isTrue();
    }

    private static ReadModelFeed feed(String topic) {
        return new ReadModelFeed("test", topic, "test-in-0", (headers, payload) -> { }, null);
    }
}
