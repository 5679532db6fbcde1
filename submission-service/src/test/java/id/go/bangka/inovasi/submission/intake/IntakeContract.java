package id.go.bangka.inovasi.submission.intake;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.EventSchemaValidator;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TopicProbe;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Intake against a real broker and a MongoDB (stand-in or real): run by {@code IntakeIT} and its container twin. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "inovasi.status.catalog-uri=http://127.0.0.1:9")
abstract class IntakeContract {

    static final String PROPOSAL = """
            {"title":"Soltan: survei PHBS digital","opdCode":"PKM-BATURUSA","field":"HEALTH",
             "stage":"IMPLEMENTATION","year":2022}""";

    @LocalServerPort
    int port;

    ApiClient api;

    abstract Infrastructure infrastructure();

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    static Map<String, String> portal(String key) {
        Map<String, String> headers = new HashMap<>(TestIdentities.portal("portal-pkm", "PKM-BATURUSA"));
        headers.put("Idempotency-Key", key);
        return headers;
    }

    @Test
    void acceptsAfterTheAckAndPublishesACloudEventKeyedByInnovation() {
        Answer answer = api.post("/api/v1/submissions", portal(UUID.randomUUID().toString()), PROPOSAL);

        assertThat(answer.status()).isEqualTo(202);
        String submissionId = answer.body().get("submissionId").asString();
        String innovationId = answer.body().get("innovationId").asString();
        assertThat(answer.header("Location")).isEqualTo("/api/v1/submissions/" + submissionId);

        ConsumerRecord<String, byte[]> record = TopicProbe.await(infrastructure().kafkaBootstrapServers(),
                Topics.SUBMISSIONS, r -> submissionId.equals(TopicProbe.header(r, CloudEventHeaders.ID)), 1,
                Duration.ofSeconds(20)).get(0);
        assertThat(record.key()).isEqualTo(innovationId);
        assertThat(TopicProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.SUBMISSION_RECEIVED);
        assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/inovasi/submission-service");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(innovationId);
        assertThat(TopicProbe.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(EventSchemaValidator.violations(EventTypes.SUBMISSION_RECEIVED, record.value())).isEmpty();
    }

    @Test
    void aReplayedKeyReturnsTheSameIdsAndPublishesOnce() {
        String key = UUID.randomUUID().toString();
        Answer first = api.post("/api/v1/submissions", portal(key), PROPOSAL);
        Answer replay = api.post("/api/v1/submissions", portal(key), PROPOSAL.replace("\n", " "));

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.body()).isEqualTo(first.body());
        String submissionId = first.body().get("submissionId").asString();
        List<ConsumerRecord<String, byte[]>> published = TopicProbe.collect(infrastructure().kafkaBootstrapServers(),
                Topics.SUBMISSIONS, r -> submissionId.equals(TopicProbe.header(r, CloudEventHeaders.ID)),
                Duration.ofSeconds(3));
        assertThat(published).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        api.post("/api/v1/submissions", portal(key), PROPOSAL);

        Answer reused = api.post("/api/v1/submissions", portal(key), PROPOSAL.replace("2022", "2023"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reused.body().get("detail").asString()).contains("different body");
    }

    @Test
    void aWriteWithoutIdempotencyKeyIs400() {
        Answer answer = api.post("/api/v1/submissions", TestIdentities.portal("portal-pkm", "PKM-BATURUSA"),
                PROPOSAL);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("pointer").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void invalidFieldsAreAllReportedAtOnce() {
        Answer answer = api.post("/api/v1/submissions", portal(UUID.randomUUID().toString()),
                "{\"title\":\"abc\",\"opdCode\":\"PKM-BATURUSA\",\"stage\":\"TRIAL\",\"year\":1999}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .containsExactlyInAnyOrder("/title", "/field", "/year");
    }

    @Test
    void malformedBodiesAre400NotServerErrors() {
        for (String body : List.of("{\"title\":", "[]", "{\"field\":\"SPACE\"}", "{\"year\":\"soon\"}",
                PROPOSAL.replace("}", ",\"unknownField\":1}"), "{\"title\":{\"$gt\":\"\"}}")) {
            Answer answer = api.post("/api/v1/submissions", portal(UUID.randomUUID().toString()), body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(body).isEqualTo("application/problem+json");
        }
    }

    @Test
    void withoutTheGatewaysSignatureEveryRequestIs401() {
        Answer answer = api.post("/api/v1/submissions", Map.of("Idempotency-Key", "k1",
                "X-Inovasi-Client-Id", "forged", "X-Inovasi-Roles", "portal", "X-Inovasi-Opd-Codes", "*"), PROPOSAL);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isNotBlank();
    }

    @Test
    void aPortalMaySubmitOnlyForItsOwnOpd() {
        Map<String, String> otherOpd = new HashMap<>(TestIdentities.portal("portal-dinsos", "DINSOS"));
        otherOpd.put("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, String> reviewer = new HashMap<>(TestIdentities.reviewer("bappeda"));
        reviewer.put("Idempotency-Key", UUID.randomUUID().toString());

        assertThat(api.post("/api/v1/submissions", otherOpd, PROPOSAL).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/submissions", reviewer, PROPOSAL).status()).isEqualTo(403);
    }

    @Test
    void statusIsReceivedForTheSubmitterAndHiddenFromOthers() {
        Answer accepted = api.post("/api/v1/submissions", portal(UUID.randomUUID().toString()), PROPOSAL);
        String location = accepted.header("Location");

        Answer mine = api.get(location, TestIdentities.portal("portal-pkm", "PKM-BATURUSA"));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(mine.body().get("innovationId")).isEqualTo(accepted.body().get("innovationId"));

        assertThat(api.get(location, TestIdentities.portal("portal-other", "PKM-BATURUSA")).status()).isEqualTo(404);
        assertThat(api.get(location, TestIdentities.reviewer("bappeda")).status()).isEqualTo(200);
        assertThat(api.get(location, TestIdentities.anonymous()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/submissions/" + UUID.randomUUID(), TestIdentities.reviewer("bappeda")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/submissions/not-a-uuid", TestIdentities.reviewer("bappeda")).status())
                .isEqualTo(400);
    }
}
