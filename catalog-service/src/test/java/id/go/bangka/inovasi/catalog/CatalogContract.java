package id.go.bangka.inovasi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.events.Caller;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Stage;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.EventSchemaValidator;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TopicProbe;
import id.go.bangka.inovasi.testsupport.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The catalogue against a real broker and a MongoDB: run by {@code CatalogIT} and its container twin. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "inovasi.catalog.snapshot-sweep-interval=500ms")
abstract class CatalogContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ApiClient api;

    abstract Infrastructure infrastructure();

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    SubmissionReceived submission(String opdCode, InnovationField field, int year) {
        return new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(), SubmissionAction.CREATE, 0,
                new Caller("portal-" + opdCode, "portal"), opdCode, Instant.now(),
                new InnovationProposal("Abang Timah Untuk Bu Disa " + UUID.randomUUID(), opdCode, field,
                        Stage.TRIAL, year));
    }

    void deliver(SubmissionReceived event) {
        TopicWriter.send(infrastructure().kafkaBootstrapServers(), Topics.SUBMISSIONS, event.innovationId().toString(),
                Map.of(CloudEventHeaders.ID, event.submissionId().toString(),
                        CloudEventHeaders.TYPE, EventTypes.SUBMISSION_RECEIVED,
                        CloudEventHeaders.SPEC_VERSION, "1.0"),
                EventCodec.encode(event));
    }

    Answer awaitVisible(UUID innovationId, Map<String, String> identity) {
        return await().atMost(WAIT).until(() -> api.get("/api/v1/innovations/" + innovationId, identity),
                a -> a.status() == 200);
    }

    @Test
    void appliesASubmissionOnceAndPublishesItsSnapshot() {
        SubmissionReceived event = submission("DINKES", InnovationField.HEALTH, 2022);
        deliver(event);
        deliver(event);

        Answer innovation = awaitVisible(event.innovationId(), TestIdentities.reviewer("bappeda"));
        assertThat(innovation.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(innovation.body().get("title").asString()).isEqualTo(event.proposal().title());

        List<ConsumerRecord<String, byte[]>> snapshots = TopicProbe.collect(infrastructure().kafkaBootstrapServers(),
                Topics.CATALOG, r -> event.innovationId().toString().equals(r.key()), Duration.ofSeconds(3));
        assertThat(snapshots).isNotEmpty();
        assertThat(snapshots).allSatisfy(r -> {
            assertThat(TopicProbe.header(r, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.INNOVATION_CHANGED);
            assertThat(TopicProbe.header(r, CloudEventHeaders.SUBJECT)).isEqualTo(event.innovationId().toString());
            assertThat(EventSchemaValidator.violations(EventTypes.INNOVATION_CHANGED, r.value())).isEmpty();
            assertThat(EventCodec.decode(r.value(), InnovationChanged.class).version()).isEqualTo(1);
        });
        assertThat(mongo.findById(event.innovationId(), Innovation.class).version()).isEqualTo(1);

        Answer outcome = api.get("/api/v1/submission-outcomes/" + event.submissionId(),
                TestIdentities.portal("portal-DINKES", "DINKES"));
        assertThat(outcome.body().get("status").asString()).isEqualTo("APPLIED");
        assertThat(outcome.body().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void theSweeperPublishesWhatWasWrittenButNotPublished() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        mongo.insert(new Innovation(id, 3, 2, true, InnovationStatus.SUBMITTED, "Smart-in PIRT", "DINKES",
                InnovationField.HEALTH, Stage.IMPLEMENTATION, 2021, now, now,
                new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, now, "portal-dinkes", null),
                List.of()));

        ConsumerRecord<String, byte[]> snapshot = TopicProbe.await(infrastructure().kafkaBootstrapServers(),
                Topics.CATALOG, r -> id.toString().equals(r.key()), 1, WAIT).get(0);

        assertThat(EventCodec.decode(snapshot.value(), InnovationChanged.class).version()).isEqualTo(3);
        await().atMost(WAIT).until(() -> !mongo.findById(id, Innovation.class).publishPending());
        assertThat(mongo.findById(id, Innovation.class).publishedVersion()).isEqualTo(3);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndThePartitionKeepsFlowing() {
        SubmissionReceived before = submission("DINSOS", InnovationField.POVERTY_ALLEVIATION, 2022);
        SubmissionReceived after = new SubmissionReceived(UUID.randomUUID(), before.innovationId(),
                SubmissionAction.CREATE, 0, before.caller(), "DINSOS", Instant.now(), before.proposal());
        String poisonKey = before.innovationId().toString();
        deliver(before);
        TopicWriter.send(infrastructure().kafkaBootstrapServers(), Topics.SUBMISSIONS, poisonKey,
                Map.of(CloudEventHeaders.TYPE, EventTypes.SUBMISSION_RECEIVED), "{\"action\":".getBytes());
        deliver(after);

        TopicProbe.await(infrastructure().kafkaBootstrapServers(), Topics.SUBMISSIONS_DEAD_LETTERS,
                r -> poisonKey.equals(r.key()), 1, WAIT);
        await().atMost(WAIT).until(() -> api.get("/api/v1/submission-outcomes/" + after.submissionId(),
                TestIdentities.reviewer("bappeda")).status() == 200);
        assertThat(api.get("/api/v1/submission-outcomes/" + after.submissionId(), TestIdentities.reviewer("bappeda"))
                .body().get("reasons").get(0).asString()).startsWith("ALREADY_EXISTS");
    }

    @Test
    void thePublicSeesOnlyPublishedAndAPortalItsOwn() {
        SubmissionReceived event = submission("DISDIK", InnovationField.EDUCATION, 2023);
        deliver(event);
        awaitVisible(event.innovationId(), TestIdentities.reviewer("bappeda"));
        String path = "/api/v1/innovations/" + event.innovationId();

        assertThat(api.get(path, TestIdentities.portal("portal-DISDIK", "DISDIK")).status()).isEqualTo(200);
        assertThat(api.get(path, TestIdentities.portal("portal-dinsos", "DINSOS")).status()).isEqualTo(404);
        Answer hidden = api.get(path, TestIdentities.anonymous());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.header("Content-Type")).isEqualTo("application/problem+json");

        assertThat(api.get("/api/v1/innovations?opdCode=DISDIK&year=2023&field=EDUCATION",
                TestIdentities.reviewer("bappeda")).body().get("total").asLong()).isGreaterThanOrEqualTo(1);
        Answer publicList = api.get("/api/v1/innovations?opdCode=DISDIK", TestIdentities.anonymous());
        assertThat(publicList.status()).isEqualTo(200);
        assertThat(publicList.body().get("items").valueStream()
                .map(i -> i.get("id").asString())).doesNotContain(event.innovationId().toString());
    }

    @Test
    void badQueryParametersAre400Problems() {
        for (String query : List.of("size=0", "size=1000", "page=-1", "year=abc", "year=99999999999",
                "field=SPACE", "opdCode=%7B%22%24gt%22%3A%22%22%7D", "opdCode=$where")) {
            Answer answer = api.get("/api/v1/innovations?" + query, TestIdentities.anonymous());
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(query).isEqualTo("application/problem+json");
        }
        assertThat(api.get("/api/v1/innovations/not-a-uuid", TestIdentities.anonymous()).status()).isEqualTo(400);
    }
}
