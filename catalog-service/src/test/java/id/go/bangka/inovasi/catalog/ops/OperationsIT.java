package id.go.bangka.inovasi.catalog.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.ops.deadletter.DeadLetterReplayer;
import id.go.bangka.inovasi.events.Caller;
import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.platform.identity.SignedIdentity;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TopicProbe;
import id.go.bangka.inovasi.testsupport.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations API and the meters on the real broker: a poison record listed, corrected and replayed once; a
 * correction that changes who asked or what, or that intake's rules refuse, is never published. Intake's check is
 * {@link IntakeStub} here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = "/api/v1/ops/dead-letters";
    private static final IntakeStub INTAKE = new IntakeStub();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ApiClient api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.get().register(registry);
        registry.add("inovasi.catalog.intake-uri", INTAKE::uri);
    }

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, "catalog-service");
    }

    @Test
    void aPoisonRecordIsListedWithItsErrorAndItsCorrectionReplayedAppliesOnce() {
        SubmissionReceived event = creation("Sijuki: jemput bola imunisasi ");
        String key = event.innovationId().toString();
        JsonNode deadLetter = deadLetter(event, poison(event));
        assertThat(deadLetter.get("error").get("exceptionClass").asString()).isNotBlank();
        assertThat(deadLetter.get("error").get("message").asString()).contains("SubmissionReceived");
        assertThat(deadLetter.get("error").get("originalTopic").asString()).isEqualTo(Topics.SUBMISSIONS);
        assertThat(deadLetter.get("error").get("originalPartition").asInt()).isBetween(0, Topics.PARTITIONS - 1);
        assertThat(deadLetter.get("error").get("originalOffset").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(deadLetter.get("headers").get(CloudEventHeaders.TYPE).asString())
                .isEqualTo(EventTypes.SUBMISSION_RECEIVED);
        assertThat(deadLetter.get("headers").has("x-exception-stacktrace")).isFalse();
        assertThat(deadLetter.get("payloadPreview").asString()).startsWith("{\"submissionId\":");
        assertThat(deadLetter.get("time").asString()).isNotBlank();

        String replay = replayPath(deadLetter);
        String corrected = json(event);
        Answer first = api.post(replay, TestIdentities.ops("ops-ani"), corrected);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(202);
        assertThat(first.body().get("topic").asString()).isEqualTo(Topics.SUBMISSIONS);
        assertThat(first.body().get("corrected").asBoolean()).isTrue();
        assertThat(api.post(replay, TestIdentities.ops("ops"), corrected).status()).isEqualTo(202);
        SignedIdentity asked = INTAKE.callers().get(INTAKE.callers().size() - 1);
        assertThat(asked.signer()).as("the catalogue signs the check itself").isEqualTo("catalog-service");
        assertThat(asked.identity().clientId()).as("acting for the ops caller").isEqualTo("ops");
        assertThat(asked.identity().roles()).containsExactly("ops");

        SubmissionReceived revision = new SubmissionReceived(UUID.randomUUID(), event.innovationId(),
                SubmissionAction.REVISE, 1, event.caller(), "DINKES", Instant.now(), event.proposal(), null);
        send(revision, EventCodec.encode(revision));
        Answer revised = await().atMost(WAIT).until(() -> api.get("/api/v1/submission-outcomes/"
                + revision.submissionId(), TestIdentities.reviewer("bappeda")), a -> a.status() == 200);
        assertThat(revised.body().get("status").asString()).isEqualTo("APPLIED");
        assertThat(revised.body().get("version").asLong()).as("the second replay changed nothing").isEqualTo(2);
        assertThat(mongo.findById(event.innovationId(), Innovation.class).history()).hasSize(2);

        JsonNode history = api.get("/api/v1/innovations/" + key + "/history", TestIdentities.reviewer("bappeda"))
                .body();
        assertThat(history.get(0).get("by").asString()).as("the portal that submitted it").isEqualTo("portal-DINKES");
        assertThat(history.get(0).get("replayedBy").asString()).as("the operator who replayed it")
                .isEqualTo("ops-ani");
        assertThat(history.get(1).hasNonNull("replayedBy")).as("not replayed").isFalse();
    }

    @Test
    void aCorrectionThatChangesWhoAskedOrWhatIs422AndNothingIsPublished() {
        SubmissionReceived event = creation("Forged ");
        JsonNode deadLetter = deadLetter(event, poison(event));
        String replay = replayPath(deadLetter);
        InnovationProposal otherOpd = Proposals.full(event.proposal().title(), "DINSOS",
                InnovationField.POVERTY_ALLEVIATION, 2023);
        Map<String, SubmissionReceived> forgeries = Map.of(
                "/submissionId", with(event, UUID.randomUUID(), event.innovationId(), event.action(), event.caller(),
                        event.opdCode(), event.proposal()),
                "/innovationId", with(event, event.submissionId(), UUID.randomUUID(), event.action(), event.caller(),
                        event.opdCode(), event.proposal()),
                "/action", with(event, event.submissionId(), event.innovationId(), SubmissionAction.REVISE,
                        event.caller(), event.opdCode(), event.proposal()),
                "/caller/clientId", with(event, event.submissionId(), event.innovationId(), event.action(),
                        new Caller("portal-DINSOS", "portal"), event.opdCode(), event.proposal()),
                "/caller/role", with(event, event.submissionId(), event.innovationId(), event.action(),
                        new Caller("portal-DINKES", "reviewer"), event.opdCode(), event.proposal()),
                "/opdCode", with(event, event.submissionId(), event.innovationId(), event.action(), event.caller(),
                        "DINSOS", event.proposal()),
                "/proposal/opdCode", with(event, event.submissionId(), event.innovationId(), event.action(),
                        event.caller(), event.opdCode(), otherOpd));

        forgeries.forEach((pointer, forged) -> {
            Answer refused = api.post(replay, TestIdentities.ops("ops"), json(forged));
            assertThat(refused.status()).as(pointer + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(pointers(refused)).as(pointer).containsExactly(pointer);
        });
        Answer everything = api.post(replay, TestIdentities.ops("ops"), json(new SubmissionReceived(
                UUID.randomUUID(), UUID.randomUUID(), SubmissionAction.WITHDRAW, 1, new Caller("ops", "ops"), "DINSOS",
                Instant.now(), null, "gone")));
        assertThat(everything.status()).isEqualTo(422);
        assertThat(pointers(everything)).containsExactlyInAnyOrder("/submissionId", "/innovationId", "/action",
                "/caller/clientId", "/caller/role", "/opdCode");

        SubmissionReceived unreadable = creation("Tidak terbaca ");
        JsonNode truncated = deadLetter(unreadable, "{\"submissionId\":".getBytes(StandardCharsets.UTF_8));
        Answer unverifiable = api.post(replayPath(truncated), TestIdentities.ops("ops"), json(unreadable));
        assertThat(unverifiable.status()).as("a dead letter without readable ids cannot be corrected").isEqualTo(422);
        assertThat(pointers(unverifiable)).containsExactlyInAnyOrder("/submissionId", "/innovationId", "/action",
                "/caller/clientId", "/caller/role", "/opdCode");
        assertThat(unverifiable.body().get("errors").get(0).get("detail").asString()).contains("cannot be checked");

        assertOnlyTheValidCorrectionIsPublished(deadLetter, event);
    }

    @Test
    void aCorrectionIsHeldToIntakesRules() {
        SubmissionReceived event = creation("Aturan intake ");
        JsonNode deadLetter = deadLetter(event, poison(event));
        String replay = replayPath(deadLetter);

        InnovationProposal invalid = Proposals.full("abc", "DINKES", InnovationField.HEALTH, 1999);
        Answer refused = api.post(replay, TestIdentities.ops("ops"), json(with(event, event.submissionId(),
                event.innovationId(), event.action(), event.caller(), event.opdCode(), invalid)));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(pointers(refused)).containsExactlyInAnyOrder("/proposal/title", "/proposal/year");

        Answer withoutProposal = api.post(replay, TestIdentities.ops("ops"), json(with(event, event.submissionId(),
                event.innovationId(), event.action(), event.caller(), event.opdCode(), null)));
        assertThat(withoutProposal.status()).isEqualTo(400);
        assertThat(pointers(withoutProposal)).containsExactly("/proposal");

        INTAKE.down(true);
        try {
            Answer unavailable = api.post(replay, TestIdentities.ops("ops"), json(event));
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.header("Retry-After")).isEqualTo("5");
            assertThat(unavailable.header("Content-Type")).isEqualTo("application/problem+json");
        } finally {
            INTAKE.down(false);
        }

        assertOnlyTheValidCorrectionIsPublished(deadLetter, event);
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

    /**
     * Replays the valid correction and waits for it: records of one key keep their order, so anything replayed
     * from this dead letter before would be on the topic ahead of it.
     */
    private void assertOnlyTheValidCorrectionIsPublished(JsonNode deadLetter, SubmissionReceived event) {
        assertThat(api.post(replayPath(deadLetter), TestIdentities.ops("ops"), json(event)).status()).isEqualTo(202);
        String from = Topics.SUBMISSIONS_DEAD_LETTERS + "/" + deadLetter.get("partition").asInt() + "/"
                + deadLetter.get("offset").asLong();
        List<ConsumerRecord<String, byte[]>> replayed = TopicProbe.await(
                EmbeddedInfrastructure.get().kafkaBootstrapServers(), Topics.SUBMISSIONS,
                r -> from.equals(TopicProbe.header(r, DeadLetterReplayer.REPLAYED_FROM)), 1, WAIT);
        assertThat(replayed).hasSize(1);
        assertThat(EventCodec.decode(replayed.get(0).value(), SubmissionReceived.class)).isEqualTo(event);
        assertThat(TopicProbe.header(replayed.get(0), DeadLetterReplayer.REPLAYED_BY)).isEqualTo("ops");
    }

    /** Sends the event's key and headers with that value and waits until it is a dead letter. */
    private JsonNode deadLetter(SubmissionReceived event, byte[] value) {
        send(event, value);
        return await().atMost(WAIT).until(() -> listed(event.innovationId().toString()), Optional::isPresent).get();
    }

    private static SubmissionReceived creation(String title) {
        return new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(), SubmissionAction.CREATE, 0,
                new Caller("portal-DINKES", "portal"), "DINKES", Instant.now(),
                Proposals.full(title + UUID.randomUUID(), "DINKES", InnovationField.HEALTH, 2023), null);
    }

    private static SubmissionReceived with(SubmissionReceived event, UUID submissionId, UUID innovationId,
            SubmissionAction action, Caller caller, String opdCode, InnovationProposal proposal) {
        return new SubmissionReceived(submissionId, innovationId, action, event.baseVersion(), caller, opdCode,
                event.receivedAt(), proposal, event.reason());
    }

    /** The event as JSON with one value the catalogue cannot read (its ids, action, caller and OPD readable). */
    private static byte[] poison(SubmissionReceived event) {
        ObjectNode tree = (ObjectNode) JsonMapper.shared().readTree(EventCodec.encode(event));
        tree.put("receivedAt", "gestern");
        return JsonMapper.shared().writeValueAsBytes(tree);
    }

    private static String json(SubmissionReceived event) {
        return new String(EventCodec.encode(event), StandardCharsets.UTF_8);
    }

    private static String replayPath(JsonNode deadLetter) {
        return DEAD_LETTERS + "/" + deadLetter.get("partition").asInt() + "/" + deadLetter.get("offset").asLong()
                + "/replay";
    }

    private static List<String> pointers(Answer answer) {
        return answer.body().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList();
    }

    private static void send(SubmissionReceived event, byte[] value) {
        TopicWriter.send(EmbeddedInfrastructure.get().kafkaBootstrapServers(), Topics.SUBMISSIONS,
                event.innovationId().toString(), Map.of(CloudEventHeaders.ID, event.submissionId().toString(),
                        CloudEventHeaders.TYPE, EventTypes.SUBMISSION_RECEIVED, CloudEventHeaders.SPEC_VERSION, "1.0"),
                value);
    }
}
