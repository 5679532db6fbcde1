package id.go.bangka.inovasi.submission.intake;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentityProperties;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.RequestTarget;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.EventSchemaValidator;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TopicProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    static final String PROPOSAL = Proposals.json("Soltan: survei PHBS digital", "PKM-BATURUSA", "HEALTH", 2022);
    static final String PROPOSAL_CHECKS = "/api/v1/proposal-checks";
    static final String WITHDRAWAL_CHECKS = "/api/v1/withdrawal-checks";
    static final CallerIdentity OPS = new CallerIdentity("ops-ani", Set.of("ops"), Set.of(), "req-ops");
    static final IdentitySigner CATALOG_SERVICE = new IdentitySigner("catalog-service", new IdentityProperties(
            Infrastructure.IDENTITY_SECRET, Duration.ofSeconds(60), Duration.ofSeconds(5)), Clock.systemUTC());

    @LocalServerPort
    int port;

    ApiClient api;

    abstract Infrastructure infrastructure();

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, "submission-service");
    }

    static Map<String, String> portal(String key) {
        Map<String, String> headers = new HashMap<>(TestIdentities.portal("portal-pkm", "PKM-BATURUSA"));
        headers.put("Idempotency-Key", key);
        return headers;
    }

    @Test
    void acceptsAfterTheAckAndPublishesACloudEventKeyedByInnovation() {
        Map<String, String> headers = portal(UUID.randomUUID().toString());
        Answer answer = api.post("/api/v1/submissions", headers, PROPOSAL);

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
        assertThat(TopicProbe.header(record, CloudEventHeaders.REQUEST_ID)).isEqualTo(headers.get("X-Request-Id"));
        assertThat(EventSchemaValidator.violations(EventTypes.SUBMISSION_RECEIVED, record.value())).isEmpty();
    }

    @Test
    void aReplayedKeyReturnsTheSameIdsAndPublishesOnce() {
        String key = UUID.randomUUID().toString();
        Answer first = api.post("/api/v1/submissions", portal(key), PROPOSAL);
        Answer replay = api.post("/api/v1/submissions", portal(key), PROPOSAL.replace("\n", " "));

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(first.body().get("warnings").get(0).asString()).contains("300");
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
        assertThat(reused.body().get("detail").asString()).contains("different request");
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
        String body = PROPOSAL.replace("Soltan: survei PHBS digital", "abc").replace("\"PKM-BATURUSA\"", "\"NOPE\"")
                .replace("\"field\":\"HEALTH\",", "").replace("\"year\":2022", "\"year\":1999")
                .replace("\"2021-06-01\"", "\"2023-01-01\"").replace("https://inovasi.bangka.go.id", "ftp://x")
                .replace("https://www.youtube.com/watch?v=inovasi", "not a url");
        Answer answer = api.post("/api/v1/submissions", TestIdentities.portal("portal-pkm", "*"), body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .containsExactlyInAnyOrder("Idempotency-Key", "/title", "/opdCode", "/field", "/year",
                        "/implementationDate", "/links/appUrl", "/links/videoUrl");
        assertThat(answer.body().get("errors").valueStream()
                .filter(e -> e.get("pointer").asString().equals("/opdCode")).findFirst().orElseThrow()
                .get("detail").asString()).contains("GET /api/v1/opds");
    }

    @Test
    void anUnknownEnumValueDoesNotHideTheOtherFieldsErrors() {
        String body = PROPOSAL.replace("\"field\":\"HEALTH\"", "\"field\":\"NOT_A_FIELD\"")
                .replace("Soltan: survei PHBS digital", "abc").replace("\"year\":2022", "\"year\":1999")
                .replace("https://inovasi.bangka.go.id", "ftp://x");
        Answer answer = api.post("/api/v1/submissions", portal(UUID.randomUUID().toString()), body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .containsExactlyInAnyOrder("/field", "/title", "/year", "/links/appUrl");
        assertThat(answer.body().get("errors").valueStream()
                .filter(e -> e.get("pointer").asString().equals("/field")).findFirst().orElseThrow()
                .get("detail").asString()).contains("HEALTH", "EDUCATION");
    }

    @Test
    void textWhereANumberBelongsIsRefusedWithEveryOtherError() {
        Answer year = api.post("/api/v1/submissions", portal(UUID.randomUUID().toString()),
                PROPOSAL.replace("\"year\":2022", "\"year\":\"2022\""));
        assertThat(year.status()).isEqualTo(400);
        assertThat(year.body().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .containsExactly("/year");

        Answer withoutKey = api.post("/api/v1/submissions", TestIdentities.portal("portal-pkm", "PKM-BATURUSA"),
                PROPOSAL.replace("\"year\":2022", "\"year\":\"2022\"").replace("\"DIGITAL\"", "7"));
        assertThat(withoutKey.body().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .containsExactlyInAnyOrder("Idempotency-Key", "/year", "/kind");
    }

    @Test
    void anUnknownFieldOrAWrongTypeIsNamedByItsPointer() {
        Answer unknown = api.post("/api/v1/submissions", portal(UUID.randomUUID().toString()),
                PROPOSAL.replace("\"kind\":", "\"colour\":\"red\",\"kind\":"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/colour");

        Answer wrongEnum = api.post("/api/v1/submissions", portal(UUID.randomUUID().toString()),
                PROPOSAL.replace("\"DIGITAL\"", "\"HOLOGRAPHIC\""));
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(wrongEnum.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/kind");
        assertThat(wrongEnum.body().get("errors").get(0).get("detail").asString()).contains("NON_DIGITAL");
    }

    @Test
    void aBodyOver256KiBIs413() {
        String huge = PROPOSAL.replace("Rancang bangun inovasi.", "x".repeat(300 * 1024));
        Answer answer = api.post("/api/v1/submissions", portal(UUID.randomUUID().toString()), huge);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void revisionsAndWithdrawalsAreAcceptedWithTheirBaseVersion() {
        String innovationId = api.post("/api/v1/submissions", portal(UUID.randomUUID().toString()), PROPOSAL)
                .body().get("innovationId").asString();
        Map<String, String> revise = new HashMap<>(portal(UUID.randomUUID().toString()));
        revise.put("If-Match", "\"1\"");
        Answer revision = api.put("/api/v1/innovations/" + innovationId, revise, PROPOSAL);
        assertThat(revision.status()).isEqualTo(202);
        assertThat(revision.body().get("innovationId").asString()).isEqualTo(innovationId);

        Map<String, String> withdraw = new HashMap<>(portal(UUID.randomUUID().toString()));
        withdraw.put("If-Match", "2");
        Answer withdrawal = api.post("/api/v1/innovations/" + innovationId + "/withdrawal", withdraw,
                "{\"opdCode\":\"PKM-BATURUSA\",\"reason\":\"Program dihentikan\"}");
        assertThat(withdrawal.status()).isEqualTo(202);

        String withdrawalId = withdrawal.body().get("submissionId").asString();
        ConsumerRecord<String, byte[]> record = TopicProbe.await(infrastructure().kafkaBootstrapServers(),
                Topics.SUBMISSIONS, r -> withdrawalId.equals(TopicProbe.header(r, CloudEventHeaders.ID)), 1,
                Duration.ofSeconds(20)).get(0);
        SubmissionReceived event = EventCodec.decode(record.value(), SubmissionReceived.class);
        assertThat(event.action()).isEqualTo(SubmissionAction.WITHDRAW);
        assertThat(event.baseVersion()).isEqualTo(2);
        assertThat(event.reason()).isEqualTo("Program dihentikan");
        assertThat(EventSchemaValidator.violations(EventTypes.SUBMISSION_RECEIVED, record.value())).isEmpty();
    }

    @Test
    void revisionsAndWithdrawalsNeedAValidIfMatchAndTheirOwnOpd() {
        String path = "/api/v1/innovations/" + UUID.randomUUID();
        Answer noIfMatch = api.put(path, portal(UUID.randomUUID().toString()), PROPOSAL);
        assertThat(noIfMatch.status()).isEqualTo(428);
        assertThat(noIfMatch.header("Content-Type")).isEqualTo("application/problem+json");

        Map<String, String> badIfMatch = new HashMap<>(portal(UUID.randomUUID().toString()));
        badIfMatch.put("If-Match", "latest");
        assertThat(api.put(path, badIfMatch, PROPOSAL).status()).isEqualTo(400);

        Map<String, String> otherOpd = new HashMap<>(TestIdentities.portal("portal-dinsos", "DINSOS"));
        otherOpd.put("Idempotency-Key", UUID.randomUUID().toString());
        otherOpd.put("If-Match", "1");
        assertThat(api.put(path, otherOpd, PROPOSAL).status()).isEqualTo(403);
        assertThat(api.post(path + "/withdrawal", otherOpd, "{\"opdCode\":\"PKM-BATURUSA\"}").status())
                .isEqualTo(403);
        Map<String, String> withdraw = new HashMap<>(portal(UUID.randomUUID().toString()));
        withdraw.put("If-Match", "1");
        Answer noOpd = api.post(path + "/withdrawal", withdraw, "{}");
        assertThat(noOpd.status()).isEqualTo(400);
        assertThat(noOpd.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/opdCode");
    }

    @Test
    void aKeyUsedForOneActionCannotBeReusedForAnother() {
        String key = UUID.randomUUID().toString();
        String innovationId = api.post("/api/v1/submissions", portal(key), PROPOSAL).body().get("innovationId")
                .asString();
        Map<String, String> sameKey = new HashMap<>(portal(key));
        sameKey.put("If-Match", "1");

        assertThat(api.put("/api/v1/innovations/" + innovationId, sameKey, PROPOSAL).status()).isEqualTo(422);
    }

    @Test
    void portalsGetTheOpdRegistryAndTheReferenceLists() {
        Answer opds = api.get("/api/v1/opds", TestIdentities.anonymous());
        assertThat(opds.body().valueStream().map(o -> o.get("code").asString()))
                .contains("BAPPEDA", "DINKES", "DISDUKCAPIL", "DPMPTSP", "DISKOMINFO", "KEC-SUNGAILIAT", "KEC-BELINYU",
                        "KEC-MERAWANG", "KEC-PEMALI", "KEC-MENDO-BARAT", "KEC-PUDING-BESAR", "KEC-BAKAM",
                        "KEC-RIAU-SILIP", "PKM-BATURUSA");
        assertThat(api.get("/api/v1/opds?kind=KECAMATAN", TestIdentities.anonymous()).body().size()).isEqualTo(8);
        assertThat(api.get("/api/v1/opds/NOPE", TestIdentities.anonymous()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/opds?kind=PLANET", TestIdentities.anonymous()).status()).isEqualTo(400);

        Answer reference = api.get("/api/v1/reference", TestIdentities.anonymous());
        assertThat(reference.body().get("field").get(3).get("label").asString()).isEqualTo("Kesehatan");
        assertThat(reference.body().get("governmentAffair").size()).isGreaterThanOrEqualTo(38);
        assertThat(reference.body().propertyNames()).contains("source", "initiatorType", "form", "kind", "stage",
                "programme");
    }

    @Test
    void theOpenApiDocumentDescribesTheIntakeWithAFullExample() {
        Answer document = api.get("/v3/api-docs", Map.of());

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().get("paths").has("/api/v1/submissions")).isTrue();
        assertThat(document.body().get("paths").has("/api/v1/innovations/{id}/withdrawal")).isTrue();
        assertThat(document.body().toString()).contains("INNOVATION_LAB").contains("Idempotency-Key");
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

    @Test
    void theInternalChecksApplyIntakesRulesAllAtOnceForCatalogServiceActingForOps() {
        assertThat(api.post(PROPOSAL_CHECKS, catalogActingFor(OPS, PROPOSAL_CHECKS), PROPOSAL).status())
                .isEqualTo(204);
        String invalid = PROPOSAL.replace("\"field\":\"HEALTH\"", "\"field\":\"NOT_A_FIELD\"")
                .replace("Soltan: survei PHBS digital", "abc").replace("\"year\":2022", "\"year\":1999")
                .replace("\"kind\":", "\"colour\":\"red\",\"kind\":");
        Answer refused = api.post(PROPOSAL_CHECKS, catalogActingFor(OPS, PROPOSAL_CHECKS), invalid);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.body().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .as("the same reader and rules as intake, every error at once")
                .containsExactlyInAnyOrder("/field", "/title", "/year", "/colour");

        String withdrawal = "{\"opdCode\":\"PKM-BATURUSA\",\"reason\":\"Program dihentikan\"}";
        assertThat(api.post(WITHDRAWAL_CHECKS, catalogActingFor(OPS, WITHDRAWAL_CHECKS), withdrawal).status())
                .isEqualTo(204);
        Answer longReason = api.post(WITHDRAWAL_CHECKS, catalogActingFor(OPS, WITHDRAWAL_CHECKS),
                withdrawal.replace("Program dihentikan", "x".repeat(1001)));
        assertThat(longReason.status()).isEqualTo(400);
        assertThat(longReason.body().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .containsExactly("/reason");
    }

    @Test
    void theInternalChecksAreRefusedToEveryoneButCatalogServiceActingForOps() {
        CallerIdentity portal = new CallerIdentity("portal-pkm", Set.of("portal"), Set.of("PKM-BATURUSA"), "r1");
        for (String path : List.of(PROPOSAL_CHECKS, WITHDRAWAL_CHECKS)) {
            String body = path.equals(PROPOSAL_CHECKS) ? PROPOSAL : "{\"opdCode\":\"PKM-BATURUSA\"}";
            assertThat(api.post(path, TestIdentities.ops("ops"), body).status())
                    .as("an ops caller through the gateway").isEqualTo(403);
            assertThat(api.post(path, catalogActingFor(portal, path), body).status())
                    .as("catalog-service acting for a portal").isEqualTo(403);
            assertThat(api.post(path, TestIdentities.anonymous(), body).status()).isEqualTo(403);
            assertThat(api.post(path, Map.of(), body).status()).as("unsigned").isEqualTo(401);
        }
        assertThat(api.get("/v3/api-docs", Map.of()).body().get("paths").has(PROPOSAL_CHECKS))
                .as("internal: not documented, not routed").isFalse();
    }

    /** Identity headers catalog-service signs for this one request, acting for its caller. */
    private static Map<String, String> catalogActingFor(CallerIdentity caller, String path) {
        return CATALOG_SERVICE.sign(caller, RequestTarget.of("submission-service", "POST", path, null)).toHeaders();
    }
}
