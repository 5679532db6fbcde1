package id.go.bangka.inovasi.catalog.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.events.Caller;
import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The operations API and the meters on the real broker: a poison record listed, corrected and replayed once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = "/api/v1/ops/dead-letters";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ApiClient api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.get().register(registry);
    }

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, "catalog-service");
    }

    @Test
    void aPoisonRecordIsListedWithItsErrorAndItsCorrectionReplayedAppliesOnce() {
        SubmissionReceived event = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(),
                SubmissionAction.CREATE, 0, new Caller("portal-DINKES", "portal"), "DINKES", Instant.now(),
                Proposals.full("Sijuki: jemput bola imunisasi " + UUID.randomUUID(), "DINKES",
                        InnovationField.HEALTH, 2023), null);
        String key = event.innovationId().toString();
        send(event, "{\"submissionId\":".getBytes(StandardCharsets.UTF_8));

        JsonNode deadLetter = await().atMost(WAIT).until(() -> listed(key), Optional::isPresent).get();
        assertThat(deadLetter.get("error").get("exceptionClass").asString()).isNotBlank();
        assertThat(deadLetter.get("error").get("message").asString()).contains("SubmissionReceived");
        assertThat(deadLetter.get("error").get("originalTopic").asString()).isEqualTo(Topics.SUBMISSIONS);
        assertThat(deadLetter.get("error").get("originalPartition").asInt()).isBetween(0, Topics.PARTITIONS - 1);
        assertThat(deadLetter.get("error").get("originalOffset").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(deadLetter.get("headers").get(CloudEventHeaders.TYPE).asString())
                .isEqualTo(EventTypes.SUBMISSION_RECEIVED);
        assertThat(deadLetter.get("headers").has("x-exception-stacktrace")).isFalse();
        assertThat(deadLetter.get("payloadPreview").asString()).isEqualTo("{\"submissionId\":");
        assertThat(deadLetter.get("time").asString()).isNotBlank();

        String replay = DEAD_LETTERS + "/" + deadLetter.get("partition").asInt() + "/"
                + deadLetter.get("offset").asLong() + "/replay";
        String corrected = new String(EventCodec.encode(event), StandardCharsets.UTF_8);
        Answer first = api.post(replay, TestIdentities.ops("ops"), corrected);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().get("topic").asString()).isEqualTo(Topics.SUBMISSIONS);
        assertThat(first.body().get("corrected").asBoolean()).isTrue();
        assertThat(api.post(replay, TestIdentities.ops("ops"), corrected).status()).isEqualTo(202);

        SubmissionReceived revision = new SubmissionReceived(UUID.randomUUID(), event.innovationId(),
                SubmissionAction.REVISE, 1, event.caller(), "DINKES", Instant.now(), event.proposal(), null);
        send(revision, EventCodec.encode(revision));
        Answer revised = await().atMost(WAIT).until(() -> api.get("/api/v1/submission-outcomes/"
                + revision.submissionId(), TestIdentities.reviewer("bappeda")), a -> a.status() == 200);
        assertThat(revised.body().get("status").asString()).isEqualTo("APPLIED");
        assertThat(revised.body().get("version").asLong()).as("the second replay changed nothing").isEqualTo(2);
        assertThat(mongo.findById(event.innovationId(), Innovation.class).history()).hasSize(2);
    }

    @Test
    void badInputAndWrongCallersGetProblems() {
        Answer size = api.get(DEAD_LETTERS + "?size=0", TestIdentities.ops("ops"));
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(size.body().get("errors").get(0).get("pointer").asString()).isEqualTo("size");
        assertThat(api.get(DEAD_LETTERS + "?page=-1", TestIdentities.ops("ops")).status()).isEqualTo(400);
        assertThat(api.post(DEAD_LETTERS + "/6/0/replay", TestIdentities.ops("ops"), "").status()).isEqualTo(400);
        assertThat(api.post(DEAD_LETTERS + "/x/0/replay", TestIdentities.ops("ops"), "").status()).isEqualTo(400);
        Answer missing = api.post(DEAD_LETTERS + "/0/999999/replay", TestIdentities.ops("ops"), "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
        Answer unreadable = api.post(DEAD_LETTERS + "/0/0/replay", TestIdentities.ops("ops"), "{\"action\":\"EAT\"}");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body().get("detail").asString()).contains("SubmissionReceived");
        assertThat(api.get(DEAD_LETTERS, TestIdentities.reviewer("bappeda")).status()).isEqualTo(403);
        assertThat(api.get(DEAD_LETTERS, TestIdentities.anonymous()).status()).isEqualTo(401);
        assertThat(api.post(DEAD_LETTERS + "/0/0/replay", TestIdentities.portal("portal-DINKES", "DINKES"), "")
                .status()).isEqualTo(403);
    }

    @Test
    void theMetersAreExposedAfterActivity() {
        SubmissionReceived applied = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(),
                SubmissionAction.CREATE, 0, new Caller("portal-DINSOS", "portal"), "DINSOS", Instant.now(),
                Proposals.full("Metrik " + UUID.randomUUID(), "DINSOS", InnovationField.POVERTY_ALLEVIATION, 2024),
                null);
        send(applied, EventCodec.encode(applied));
        SubmissionReceived unknown = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(),
                SubmissionAction.REVISE, 1, applied.caller(), "DINSOS", Instant.now(), applied.proposal(), null);
        send(unknown, EventCodec.encode(unknown));
        send(applied, "not json".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus())
                .contains("inovasi_catalog_outcomes_total{", "outcome=\"APPLIED\"")
                .containsPattern("inovasi_catalog_outcomes_total\\{[^}]*outcome=\"REJECTED\",reason=\"NOT_FOUND\"")
                .contains("inovasi_snapshot_publish_delay_seconds_count{")
                .contains("inovasi_snapshot_publish_delay_seconds_bucket{")
                .containsPattern("inovasi_deadletters_sent_total\\{[^}]*exception=\"MalformedEventException\"")
                .containsPattern("inovasi_deadletters_present\\{[^}]*} [1-9]")
                .contains("kafka_consumer_fetch_manager_records_lag_max{")
                .contains("spring_cloud_stream_binder_kafka_offset{")
                .contains("http_server_requests_seconds_count{"));
    }

    private String prometheus() {
        return api.get("/actuator/prometheus", Map.of()).body().asString();
    }

    private Optional<JsonNode> listed(String key) {
        for (int page = 0; ; page++) {
            Answer answer = api.get(DEAD_LETTERS + "?size=50&page=" + page, TestIdentities.ops("ops"));
            assertThat(answer.status()).isEqualTo(200);
            Optional<JsonNode> found = StreamSupport.stream(answer.body().get("items").spliterator(), false)
                    .filter(item -> key.equals(item.get("key").asString())).findFirst();
            if (found.isPresent() || answer.body().get("items").isEmpty()) {
                return found;
            }
        }
    }

    private static void send(SubmissionReceived event, byte[] value) {
        TopicWriter.send(EmbeddedInfrastructure.get().kafkaBootstrapServers(), Topics.SUBMISSIONS,
                event.innovationId().toString(), Map.of(CloudEventHeaders.ID, event.submissionId().toString(),
                        CloudEventHeaders.TYPE, EventTypes.SUBMISSION_RECEIVED, CloudEventHeaders.SPEC_VERSION, "1.0"),
                value);
    }
}
