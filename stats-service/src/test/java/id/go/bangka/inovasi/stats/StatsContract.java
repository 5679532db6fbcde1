package id.go.bangka.inovasi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Stage;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Statistics from the real snapshot topic: run by {@code StatsIT} and its container twin. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StatsContract {

    @LocalServerPort
    int port;

    ApiClient api;

    abstract Infrastructure infrastructure();

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    void publish(UUID id, long version, InnovationStatus status, String opdCode, InnovationField field) {
        InnovationChanged snapshot = new InnovationChanged(id, version, status,
                new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, Instant.now(), "test", null),
                opdCode, field, Stage.IMPLEMENTATION, 2022, Instant.now(), null, null, null, null, null, null, null, null);
        TopicWriter.send(infrastructure().kafkaBootstrapServers(), Topics.CATALOG, id.toString(),
                Map.of(CloudEventHeaders.TYPE, EventTypes.INNOVATION_CHANGED,
                        CloudEventHeaders.ID, id + ":" + version), EventCodec.encode(snapshot));
    }

    Answer overview(Map<String, String> identity) {
        return api.get("/api/v1/stats/overview", identity);
    }

    @Test
    void countsTheLatestVersionOfEachInnovationWhateverTheOrder() {
        String opd = "OPD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        publish(a, 2, InnovationStatus.PUBLISHED, opd, InnovationField.HEALTH);
        publish(a, 1, InnovationStatus.SUBMITTED, opd, InnovationField.HEALTH);
        publish(b, 1, InnovationStatus.SUBMITTED, opd, InnovationField.ENVIRONMENT);
        publish(b, 1, InnovationStatus.SUBMITTED, opd, InnovationField.ENVIRONMENT);

        Answer all = await().atMost(Duration.ofSeconds(30)).until(() -> overview(TestIdentities.reviewer("bappeda")),
                o -> o.body().get("byOpd").has(opd) && o.body().get("byOpd").get(opd).asLong() == 2);
        assertThat(all.body().get("scope").asString()).isEqualTo("ALL");

        Answer published = overview(TestIdentities.anonymous());
        assertThat(published.body().get("scope").asString()).isEqualTo("PUBLISHED");
        assertThat(published.body().get("byOpd").get(opd).asLong()).isEqualTo(1);
        assertThat(published.body().get("byStatus").has("SUBMITTED")).isFalse();
    }

    @Test
    void readinessIsUpOnceCaughtUpWithProgressInTheDetails() {
        Answer readiness = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/actuator/health/readiness", Map.of()), a -> a.status() == 200);

        assertThat(readiness.body().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.body().get("components").get("catalogCatchUp").get("details").get("state").asString())
                .isEqualTo("caught up");
    }

    @Test
    void withoutTheGatewaysSignatureTheApiIs401() {
        assertThat(api.get("/api/v1/stats/overview", Map.of()).status()).isEqualTo(401);
    }
}
