package id.go.bangka.inovasi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.events.Caller;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.fixtures.Proposals;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
        api = new ApiClient("http://127.0.0.1:" + port, "catalog-service");
    }

    SubmissionReceived submission(String opdCode, InnovationField field, int year) {
        return new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(), SubmissionAction.CREATE, 0,
                new Caller("portal-" + opdCode, "portal"), opdCode, Instant.now(),
                Proposals.full("Abang Timah Untuk Bu Disa " + UUID.randomUUID(), opdCode, field, year), null);
    }

    SubmissionReceived followUp(SubmissionReceived created, SubmissionAction action, long baseVersion,
            String opdCode, InnovationProposal proposal) {
        return new SubmissionReceived(UUID.randomUUID(), created.innovationId(), action, baseVersion,
                new Caller("portal-" + opdCode, "portal"), opdCode, Instant.now(), proposal,
                action == SubmissionAction.WITHDRAW ? "Program dihentikan" : null);
    }

    Answer awaitOutcome(SubmissionReceived event) {
        return await().atMost(WAIT).until(() -> api.get("/api/v1/submission-outcomes/" + event.submissionId(),
                TestIdentities.reviewer("bappeda")), a -> a.status() == 200);
    }

    InnovationProposal retitled(SubmissionReceived event, String title) {
        InnovationProposal p = event.proposal();
        return new InnovationProposal(title, p.opdCode(), p.source(), p.initiatorType(), p.initiatorName(),
                p.initiatorNamePublic(), p.field(), p.governmentAffair(), p.secondaryAffairs(), p.form(), p.kind(),
                p.stage(), p.programme(), p.year(), p.trialDate(), p.implementationDate(), p.design(), p.goals(),
                p.benefits(), p.results(), p.links());
    }

    void deliver(SubmissionReceived event) {
        TopicWriter.send(infrastructure().kafkaBootstrapServers(), Topics.SUBMISSIONS, event.innovationId().toString(),
                Map.of(CloudEventHeaders.ID, event.submissionId().toString(),
                        CloudEventHeaders.TYPE, EventTypes.SUBMISSION_RECEIVED,
                        CloudEventHeaders.SPEC_VERSION, "1.0"),
                EventCodec.encode(event));
    }

    /** A search once the index (which follows the snapshot topic a moment behind) answers as {@code ready} says. */
    Answer awaitSearch(String query, Map<String, String> identity, Predicate<Answer> ready) {
        return await().atMost(WAIT).until(() -> api.get("/api/v1/innovations?" + query, identity), ready);
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
            InnovationChanged snapshot = EventCodec.decode(r.value(), InnovationChanged.class);
            assertThat(snapshot.version()).isEqualTo(1);
            assertThat(snapshot.secondaryAffairs()).containsExactly(GovernmentAffair.COMMUNICATION);
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
        InnovationProposal proposal = Proposals.full("Smart-in PIRT " + id, "DINKES", InnovationField.HEALTH, 2021);
        mongo.insert(new Innovation(id, 3, 2, true, InnovationStatus.SUBMITTED, Innovation.titleKey(proposal),
                proposal, now, now,
                new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, now, "portal-dinkes", null),
                List.of(), null, null, null, List.of(), Map.of(), null));

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
                SubmissionAction.CREATE, 0, before.caller(), "DINSOS", Instant.now(), before.proposal(), null);
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

        assertThat(awaitSearch("opdCode=DISDIK&year=2023&field=EDUCATION", TestIdentities.reviewer("bappeda"),
                a -> a.body().get("items").valueStream().anyMatch(i -> i.get("id").asString()
                        .equals(event.innovationId().toString()))).status()).isEqualTo(200);
        Answer publicList = api.get("/api/v1/innovations?opdCode=DISDIK", TestIdentities.anonymous());
        assertThat(publicList.status()).isEqualTo(200);
        assertThat(publicList.body().get("items").valueStream()
                .map(i -> i.get("id").asString())).doesNotContain(event.innovationId().toString());
    }

    @Test
    void badQueryParametersAre400Problems() {
        for (String query : List.of("size=0", "size=1000", "page=-1", "year=abc", "year=99999999999",
                "year=2014", "yearTo=2100", "field=SPACE", "opdCode=%7B%22%24gt%22%3A%22%22%7D", "opdCode=$where")) {
            Answer answer = api.get("/api/v1/innovations?" + query, TestIdentities.anonymous());
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(query).isEqualTo("application/problem+json");
        }
        assertThat(api.get("/api/v1/innovations/not-a-uuid", TestIdentities.anonymous()).status()).isEqualTo(400);
    }

    @Test
    void pagesReachAtMostTenThousandResultsDeep() {
        assertThat(api.get("/api/v1/innovations?page=99&size=100", TestIdentities.anonymous()).status())
                .as("results 9,901 to 10,000").isEqualTo(200);
        for (String query : List.of("page=100&size=100", "page=500&size=20", "page=9999&size=2")) {
            Answer deep = api.get("/api/v1/innovations?" + query, TestIdentities.anonymous());
            assertThat(deep.status()).as(query).isEqualTo(400);
            assertThat(deep.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(deep.body().get("errors").get(0).get("pointer").asString()).isEqualTo("page");
            assertThat(deep.body().get("errors").get(0).get("detail").asString())
                    .contains("at most 10000 results deep");
        }
        Answer queue = api.get("/api/v1/review/queue?page=200&size=50", TestIdentities.reviewer("bappeda"));
        assertThat(queue.status()).isEqualTo(400);
        assertThat(queue.body().get("errors").get(0).get("pointer").asString()).isEqualTo("page");
    }

    @Test
    void aRevisionFromTheCurrentVersionIsAppliedAsTheNextVersion() {
        SubmissionReceived created = submission("DINKES", InnovationField.HEALTH, 2024);
        deliver(created);
        awaitOutcome(created);
        SubmissionReceived revision = followUp(created, SubmissionAction.REVISE, 1, "DINKES",
                retitled(created, "Revised " + created.proposal().title()));
        deliver(revision);

        Answer outcome = awaitOutcome(revision);
        assertThat(outcome.body().get("status").asString()).isEqualTo("APPLIED");
        assertThat(outcome.body().get("version").asLong()).isEqualTo(2);
        Answer innovation = api.get("/api/v1/innovations/" + created.innovationId(),
                TestIdentities.portal("portal-DINKES", "DINKES"));
        assertThat(innovation.header("ETag")).isEqualTo("\"2\"");
        assertThat(innovation.body().get("title").asString()).startsWith("Revised ");
        assertThat(innovation.body().get("initiatorName").asString()).as("the owner sees personal data")
                .isEqualTo("Tim Inovasi DINKES");
        assertThat(api.get("/api/v1/innovations/" + created.innovationId(), TestIdentities.reviewer("bappeda"))
                .body().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aStaleRevisionIsRejectedWithTheCurrentVersion() {
        SubmissionReceived created = submission("DINKES", InnovationField.HEALTH, 2024);
        deliver(created);
        awaitOutcome(created);
        SubmissionReceived first = followUp(created, SubmissionAction.REVISE, 1, "DINKES", created.proposal());
        SubmissionReceived stale = followUp(created, SubmissionAction.REVISE, 1, "DINKES",
                retitled(created, "Stale " + created.proposal().title()));
        deliver(first);
        deliver(stale);

        assertThat(awaitOutcome(first).body().get("status").asString()).isEqualTo("APPLIED");
        Answer rejected = awaitOutcome(stale);
        assertThat(rejected.body().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.body().get("reasons").get(0).asString())
                .startsWith("CONFLICT").contains("current version is 2");
    }

    @Test
    void anotherOpdCanNeitherReviseNorWithdraw() {
        SubmissionReceived created = submission("DINKES", InnovationField.HEALTH, 2024);
        deliver(created);
        awaitOutcome(created);
        SubmissionReceived revision = followUp(created, SubmissionAction.REVISE, 1, "DINSOS",
                retitled(created, created.proposal().title()));
        SubmissionReceived withdrawal = followUp(created, SubmissionAction.WITHDRAW, 1, "DINSOS", null);
        deliver(revision);
        deliver(withdrawal);

        assertThat(awaitOutcome(revision).body().get("reasons").get(0).asString()).startsWith("FORBIDDEN");
        assertThat(awaitOutcome(withdrawal).body().get("reasons").get(0).asString()).startsWith("FORBIDDEN");
        assertThat(mongo.findById(created.innovationId(), Innovation.class).version()).isEqualTo(1);
    }

    @Test
    void aWithdrawalEndsTheInnovationAndFreesItsTitle() {
        SubmissionReceived created = submission("DISDIK", InnovationField.EDUCATION, 2024);
        deliver(created);
        awaitOutcome(created);
        SubmissionReceived withdrawal = followUp(created, SubmissionAction.WITHDRAW, 1, "DISDIK", null);
        deliver(withdrawal);

        assertThat(awaitOutcome(withdrawal).body().get("version").asLong()).isEqualTo(2);
        Innovation withdrawn = mongo.findById(created.innovationId(), Innovation.class);
        assertThat(withdrawn.status()).isEqualTo(InnovationStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawalReason()).isEqualTo("Program dihentikan");
        SubmissionReceived reviseWithdrawn = followUp(created, SubmissionAction.REVISE, 2, "DISDIK",
                created.proposal());
        deliver(reviseWithdrawn);
        assertThat(awaitOutcome(reviseWithdrawn).body().get("reasons").get(0).asString())
                .startsWith("INVALID_STATE");

        SubmissionReceived sameTitleAgain = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(),
                SubmissionAction.CREATE, 0, created.caller(), "DISDIK", Instant.now(), created.proposal(), null);
        deliver(sameTitleAgain);
        assertThat(awaitOutcome(sameTitleAgain).body().get("status").asString()).isEqualTo("APPLIED");
    }

    @Test
    void aTitleIsUsedOncePerOpdAndYear() {
        SubmissionReceived created = submission("DINSOS", InnovationField.POVERTY_ALLEVIATION, 2023);
        deliver(created);
        awaitOutcome(created);
        SubmissionReceived duplicate = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(),
                SubmissionAction.CREATE, 0, created.caller(), "DINSOS", Instant.now(),
                retitled(created, "  " + created.proposal().title().toUpperCase() + " "), null);
        deliver(duplicate);

        assertThat(awaitOutcome(duplicate).body().get("reasons").get(0).asString()).startsWith("DUPLICATE_TITLE");
    }

    @Test
    void theSchemasExampleSubmissionIsApplied() throws Exception {
        JsonNode example;
        try (var in = getClass().getResourceAsStream(EventTypes.schemaPath(EventTypes.SUBMISSION_RECEIVED))) {
            example = JsonMapper.builder().build().readTree(in).get("examples").get(0);
        }
        SubmissionReceived event = EventCodec.decode(example.toString().getBytes(), SubmissionReceived.class);
        TopicWriter.send(infrastructure().kafkaBootstrapServers(), Topics.SUBMISSIONS, event.innovationId().toString(),
                Map.of(CloudEventHeaders.TYPE, EventTypes.SUBMISSION_RECEIVED), example.toString().getBytes());

        assertThat(awaitOutcome(event).body().get("status").asString()).isEqualTo("APPLIED");
        assertThat(api.get("/api/v1/innovations/" + event.innovationId(), TestIdentities.reviewer("bappeda"))
                .body().get("programme").asString()).isEqualTo("INNOVATION_LAB");
    }

    Answer review(UUID id, String decision, String note, Map<String, String> identity) {
        return api.post("/api/v1/innovations/" + id + "/review", identity,
                "{\"decision\":\"" + decision + "\",\"note\":\"" + note + "\"}");
    }

    SubmissionReceived created(String opdCode) {
        SubmissionReceived created = submission(opdCode, InnovationField.ENVIRONMENT, 2025);
        deliver(created);
        awaitOutcome(created);
        return created;
    }

    @Test
    void reviewersVerifyPublishAndArchiveAndThePublicSeesOnlyWhatIsPublished() {
        SubmissionReceived created = created("DLH");
        UUID id = created.innovationId();
        Map<String, String> reviewer = TestIdentities.reviewer("bappeda");

        assertThat(review(id, "VERIFY", "Bukti lengkap", reviewer).body().get("status").asString())
                .isEqualTo("VERIFIED");
        assertThat(api.get("/api/v1/innovations/" + id, TestIdentities.anonymous()).status()).isEqualTo(404);
        Answer published = review(id, "PUBLISH", "Layak disosialisasikan", reviewer);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.header("ETag")).isEqualTo("\"3\"");

        Answer publicView = api.get("/api/v1/innovations/" + id, TestIdentities.anonymous());
        assertThat(publicView.status()).isEqualTo(200);
        assertThat(publicView.body().toString()).doesNotContain("Layak disosialisasikan")
                .doesNotContain("Tim Inovasi DLH");
        ConsumerRecord<String, byte[]> snapshot = TopicProbe.await(infrastructure().kafkaBootstrapServers(),
                Topics.CATALOG, r -> id.toString().equals(r.key())
                        && EventCodec.decode(r.value(), InnovationChanged.class).version() == 3, 1, WAIT).get(0);
        InnovationChanged changed = EventCodec.decode(snapshot.value(), InnovationChanged.class);
        assertThat(changed.status()).isEqualTo(InnovationStatus.PUBLISHED);
        assertThat(changed.publishedAt()).isNotNull();
        assertThat(changed.verifiedAt()).isNotNull();
        assertThat(new String(snapshot.value())).doesNotContain("Layak").doesNotContain("Tim Inovasi");

        assertThat(review(id, "ARCHIVE", "", reviewer).body().get("status").asString()).isEqualTo("ARCHIVED");
        Answer history = api.get("/api/v1/innovations/" + id + "/history", reviewer);
        assertThat(history.body().valueStream().map(e -> e.get("action").asString()))
                .containsExactly("CREATE", "VERIFY", "PUBLISH", "ARCHIVE");
        assertThat(history.body().get(2).get("note").asString()).isEqualTo("Layak disosialisasikan");
        assertThat(history.body().get(0).get("changes").valueStream().map(c -> c.get("field").asString()))
                .contains("title", "opdCode", "field");
        assertThat(history.body().get(1).get("by").asString()).isEqualTo("bappeda");
    }

    @Test
    void illegalDecisionsAre409WithTheAllowedOnesAndOnlyReviewersDecide() {
        UUID id = created("DISHUB").innovationId();
        Map<String, String> reviewer = TestIdentities.reviewer("bappeda");

        Answer illegal = review(id, "PUBLISH", "", reviewer);
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(illegal.body().get("allowed").valueStream().map(JsonNode::asString))
                .containsExactly("REQUEST_REVISION", "VERIFY");
        assertThat(review(id, "ARCHIVE", "", reviewer).status()).isEqualTo(409);
        assertThat(review(id, "VERIFY", "", TestIdentities.portal("portal-DISHUB", "DISHUB")).status())
                .isEqualTo(403);
        assertThat(review(id, "VERIFY", "", TestIdentities.anonymous()).status()).isEqualTo(401);
        assertThat(review(id, "APPROVE", "", reviewer).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/innovations/" + id + "/review", reviewer, "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/innovations/" + id + "/review", reviewer,
                "{\"decision\":\"VERIFY\",\"$where\":\"sleep(5000)\"}").status())
                .as("an unknown field is refused, not ignored").isEqualTo(400);
        assertThat(review(id, "VERIFY", "catatan\\u0000\\u001b[2J", reviewer).status())
                .as("control characters in the note").isEqualTo(400);
        assertThat(api.post("/api/v1/innovations/" + id + "/review", reviewer,
                "{\"decision\":\"VERIFY\",\"note\":1e400}").status()).as("a number is not a note").isEqualTo(400);
        assertThat(review(UUID.randomUUID(), "VERIFY", "", reviewer).status()).isEqualTo(404);
        Map<String, String> stale = new HashMap<>(reviewer);
        stale.put("If-Match", "\"7\"");
        assertThat(review(id, "VERIFY", "", stale).status()).isEqualTo(412);
        assertThat(mongo.findById(id, Innovation.class).version()).isEqualTo(1);
    }

    @Test
    void everyInvalidValueOfAReviewOrEvidenceBodyIsReportedAtOnce() {
        UUID id = created("DISPORA").innovationId();
        Map<String, String> reviewer = TestIdentities.reviewer("bappeda");
        String evidence = "/api/v1/innovations/" + id + "/evidence";

        Answer decision = api.post("/api/v1/innovations/" + id + "/review", reviewer,
                "{\"decision\":\"APPROVE\",\"note\":\"" + "x".repeat(2001) + "\"}");
        assertThat(decision.status()).isEqualTo(400);
        assertThat(decision.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(pointers(decision)).containsExactlyInAnyOrder("/decision", "/note");

        Answer declared = api.put(evidence + "/35", TestIdentities.portal("portal-DISPORA", "DISPORA"),
                "{\"parameter\":\"3\",\"links\":[\"https://ok.bangka.go.id\",\"ftp://x\"]}");
        assertThat(declared.status()).isEqualTo(400);
        assertThat(pointers(declared)).containsExactlyInAnyOrder("/parameter", "/links/1");

        Answer verified = api.post(evidence + "/35/verification", reviewer, "{\"state\":\"MAYBE\",\"note\":5}");
        assertThat(verified.status()).isEqualTo(400);
        assertThat(pointers(verified)).containsExactlyInAnyOrder("/state", "/note");

        Answer outOfRange = api.put(evidence + "/35", TestIdentities.portal("portal-DISPORA", "DISPORA"),
                "{\"parameter\":4,\"links\":[\"not a url\"]}");
        assertThat(pointers(outOfRange)).containsExactlyInAnyOrder("/parameter", "/links/0");
        assertThat(mongo.findById(id, Innovation.class).version()).isEqualTo(1);
    }

    private static List<String> pointers(Answer answer) {
        return answer.body().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList();
    }

    @Test
    void aRequestedRevisionIsAnsweredByTheOwnersRevisionAndTheTrailShowsTheDiff() {
        SubmissionReceived created = created("DPMPTSP");
        UUID id = created.innovationId();
        assertThat(api.post("/api/v1/innovations/" + id + "/review", TestIdentities.reviewer("bappeda"),
                "{\"decision\":\"REQUEST_REVISION\",\"message\":\"Lengkapi video\",\"note\":\"Cek SK\"}")
                .body().get("status").asString()).isEqualTo("REVISION_REQUESTED");
        SubmissionReceived revision = followUp(created, SubmissionAction.REVISE, 2, "DPMPTSP",
                retitled(created, "Perizinan Online " + id));
        deliver(revision);

        assertThat(awaitOutcome(revision).body().get("version").asLong()).isEqualTo(3);
        Answer history = api.get("/api/v1/innovations/" + id + "/history",
                TestIdentities.portal("portal-DPMPTSP", "DPMPTSP"));
        assertThat(history.body().get(1).get("message").asString()).isEqualTo("Lengkapi video");
        assertThat(history.body().get(1).hasNonNull("note")).isFalse();
        assertThat(api.get("/api/v1/innovations/" + id + "/history", TestIdentities.reviewer("bappeda")).body()
                .get(1).get("note").asString()).isEqualTo("Cek SK");
        JsonNode revised = history.body().get(2);
        assertThat(revised.get("statusBefore").asString()).isEqualTo("REVISION_REQUESTED");
        assertThat(revised.get("statusAfter").asString()).isEqualTo("SUBMITTED");
        assertThat(revised.get("changes")).singleElement()
                .satisfies(c -> assertThat(c.get("to").asString()).isEqualTo("Perizinan Online " + id));
        assertThat(api.get("/api/v1/innovations/" + id + "/history", TestIdentities.portal("portal-x", "DINSOS"))
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/innovations/" + id + "/history", TestIdentities.anonymous()).status())
                .isEqualTo(404);
    }

    @Test
    void theQueueShowsTheOldestFirstToReviewersOnly() {
        UUID first = created("KEC-BELINYU").innovationId();
        UUID second = created("KEC-BELINYU").innovationId();

        Answer queue = api.get("/api/v1/review/queue?opdCode=KEC-BELINYU", TestIdentities.reviewer("bappeda"));
        assertThat(queue.body().get("items").valueStream().map(i -> i.get("id").asString()))
                .containsExactly(first.toString(), second.toString());
        assertThat(api.get("/api/v1/review/queue", TestIdentities.portal("p", "DINKES")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/review/queue?status=LOST", TestIdentities.reviewer("b")).status())
                .isEqualTo(400);
    }

    @Test
    void theQueueCountsPagesSearchesFiltersAndTellsEachItemsWaitAndEvidence() {
        Map<String, String> reviewer = TestIdentities.reviewer("bappeda");
        String marker = letterMarker();
        UUID evidenced = created("KEC-BAKAM").innovationId();
        UUID waited = created("KEC-BAKAM").innovationId();
        SubmissionReceived found = titled("KEC-BAKAM", "Lapak Nelayan Bakam " + marker);
        Map<String, String> owner = TestIdentities.portal("portal-KEC-BAKAM", "KEC-BAKAM");
        String evidence = "/api/v1/innovations/" + evidenced + "/evidence";
        assertThat(api.put(evidence + "/16", owner,
                "{\"parameter\":2,\"links\":[\"https://jdih.bangka.go.id/a.pdf\"]}").status()).isEqualTo(200);
        assertThat(api.put(evidence + "/24", owner, "{\"parameter\":1,\"links\":[\"https://bangka.go.id/b\"]}")
                .status()).isEqualTo(200);
        assertThat(api.put(evidence + "/17", owner, "{\"parameter\":1}").status()).isEqualTo(200);
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10)).minusSeconds(60)
                .truncatedTo(ChronoUnit.MILLIS);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(waited)), Update.update("updatedAt", tenDaysAgo),
                Innovation.class);
        String bakam = "/api/v1/review/queue?opdCode=KEC-BAKAM";

        Answer first = api.get(bakam + "&size=2", reviewer);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("total").asLong()).isEqualTo(3);
        assertThat(first.body().get("facets").get("status").get("SUBMITTED").asLong()).isEqualTo(3);
        assertThat(first.body().get("facets").get("status").get("VERIFIED").asLong()).isZero();
        JsonNode longest = first.body().get("items").get(0);
        assertThat(longest.get("id").asString()).as("longest waiting first").isEqualTo(waited.toString());
        assertThat(longest.get("waiting").get("days").asLong()).isEqualTo(10);
        assertThat(Instant.parse(longest.get("waiting").get("since").asString())).isEqualTo(tenDaysAgo);
        assertThat(longest.get("designWords").asInt()).isEqualTo(Proposals.full("x", "KEC-BAKAM",
                InnovationField.ENVIRONMENT, 2025).designWords());
        assertThat(longest.get("warnings").valueStream().map(JsonNode::asString)).containsExactly(
                "design has 11 word(s); the IID asks for at least 300");
        assertThat(longest.get("evidence").get("evidenced").asInt()).isZero();
        assertThat(first.body().get("items").valueStream().map(i -> i.get("id").asString()))
                .containsExactly(waited.toString(), found.innovationId().toString());
        Answer second = api.get(bakam + "&size=2&page=1", reviewer);
        assertThat(second.body().get("items").valueStream().map(i -> i.get("id").asString()))
                .as("changed last, by its evidence").containsExactly(evidenced.toString());
        JsonNode withEvidence = second.body().get("items").get(0);
        assertThat(withEvidence.get("evidence").get("indicators").asInt()).isEqualTo(20);
        assertThat(withEvidence.get("evidence").get("evidenced").asInt()).as("17 has neither link nor file")
                .isEqualTo(2);
        assertThat(withEvidence.get("evidence").get("accepted").asInt()).isZero();
        assertThat(withEvidence.get("evidence").get("mandatoryMissing").valueStream().map(JsonNode::asString))
                .containsExactly("17", "32", "33", "35");

        Answer one = api.get("/api/v1/review/queue/" + evidenced, reviewer);
        assertThat(one.body().get("evidence")).isEqualTo(withEvidence.get("evidence"));
        assertThat(one.body().get("warnings")).isEqualTo(withEvidence.get("warnings"));
        assertThat(api.get("/api/v1/review/queue/" + evidenced, owner).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/review/queue/" + UUID.randomUUID(), reviewer).status()).isEqualTo(404);

        assertThat(api.get(bakam + "&waitingMoreThanDays=9", reviewer).body().get("items").valueStream()
                .map(i -> i.get("id").asString())).containsExactly(waited.toString());
        assertThat(api.get(bakam + "&waitingMoreThanDays=10", reviewer).body().get("total").asLong()).isZero();
        assertThat(api.get(bakam + "&field=HEALTH", reviewer).body().get("items").valueStream()
                .map(i -> i.get("id").asString())).containsExactly(found.innovationId().toString());
        assertThat(api.get(bakam + "&field=EDUCATION", reviewer).body().get("total").asLong()).isZero();

        assertThat(review(waited, "VERIFY", "", reviewer).status()).isEqualTo(200);
        Answer counted = api.get(bakam, reviewer);
        assertThat(counted.body().get("facets").get("status").get("SUBMITTED").asLong()).isEqualTo(2);
        assertThat(counted.body().get("facets").get("status").get("VERIFIED").asLong()).isEqualTo(1);
        assertThat(api.get(bakam + "&status=VERIFIED", reviewer).body().get("items").valueStream()
                .map(i -> i.get("id").asString())).containsExactly(waited.toString());

        Answer searched = await().atMost(WAIT).until(() -> api.get("/api/v1/review/queue?q=" + encode("nelayan "
                + marker), reviewer), a -> a.body().get("total").asLong() == 1);
        assertThat(searched.body().get("items").get(0).get("id").asString())
                .isEqualTo(found.innovationId().toString());
        assertThat(searched.body().get("facets").get("status").get("SUBMITTED").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/review/queue?q=" + encode("pendidikan " + marker), reviewer).body()
                .get("total").asLong()).isZero();

        for (String bad : List.of("waitingMoreThanDays=-1", "waitingMoreThanDays=abc", "waitingMoreThanDays=3651",
                "q=" + "x".repeat(201), "status=LOST", "field=SPACE", "opdCode=$where", "size=0")) {
            Answer answer = api.get("/api/v1/review/queue?" + bad, reviewer);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(bad).isEqualTo("application/problem+json");
        }
    }

    @Test
    void searchIsIndonesianAwareAndTakesNoOperatorsFromCallers() {
        String marker = "Kancil" + UUID.randomUUID().toString().substring(0, 8);
        SubmissionReceived event = submission("PKM-SUNGAILIAT", InnovationField.HEALTH, 2022);
        SubmissionReceived titled = new SubmissionReceived(event.submissionId(), event.innovationId(),
                SubmissionAction.CREATE, 0, event.caller(), "PKM-SUNGAILIAT", Instant.now(),
                retitled(event, "Pelayanan Kesehatan Keliling " + marker), null);
        deliver(titled);
        awaitOutcome(titled);
        Map<String, String> reviewer = TestIdentities.reviewer("bappeda");
        String id = titled.innovationId().toString();

        awaitSearch("q=" + encode(marker), reviewer, a -> a.body().get("total").asLong() == 1);
        for (String q : List.of("layanan " + marker, "sehat " + marker, "KESEHATAN yang " + marker)) {
            Answer found = api.get("/api/v1/innovations?q=" + encode(q), reviewer);
            assertThat(found.body().get("items").valueStream().map(i -> i.get("id").asString())).as(q)
                    .containsExactly(id);
        }
        assertThat(api.get("/api/v1/innovations?q=" + encode("pendidikan " + marker), reviewer).body()
                .get("total").asLong()).isZero();
        Answer operator = api.get("/api/v1/innovations?q=" + encode("{\"$gt\":\"\"}"), reviewer);
        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.body().get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/innovations?q=" + "x".repeat(201), reviewer).status()).isEqualTo(400);
    }

    @Test
    void searchRanksHighlightsSuggestsAndFindsSimilarWithinWhatTheCallerSees() {
        String marker = letterMarker();
        Map<String, String> reviewer = TestIdentities.reviewer("bappeda");
        SubmissionReceived posyandu = titled("PKM-SUNGAILIAT", "Posyandu Remaja <Sehat> " + marker);
        SubmissionReceived bank = titled("DLH", "Bank Sampah Remaja " + marker);
        SubmissionReceived draft = titled("PKM-SUNGAILIAT", "Posyandu Remaja Draf " + marker);
        for (SubmissionReceived published : List.of(posyandu, bank)) {
            review(published.innovationId(), "VERIFY", "", reviewer);
            review(published.innovationId(), "PUBLISH", "", reviewer);
        }
        Map<String, String> visitor = TestIdentities.anonymous();

        Answer ranked = awaitSearch("q=" + encode("posyandu remaja " + marker), visitor,
                a -> a.body().get("total").asLong() == 1);
        JsonNode hit = ranked.body().get("items").get(0);
        assertThat(hit.get("id").asString()).isEqualTo(posyandu.innovationId().toString());
        assertThat(hit.get("highlight").get("title").asString())
                .isEqualTo("<mark>Posyandu</mark> <mark>Remaja</mark> &lt;Sehat&gt; <mark>" + marker
                        + "</mark>");
        Answer typo = api.get("/api/v1/innovations?q=" + encode("posyandu remja " + marker), visitor);
        assertThat(typo.body().get("items").valueStream().map(i -> i.get("id").asString()))
                .containsExactly(posyandu.innovationId().toString());
        assertThat(api.get("/api/v1/innovations?q=" + encode("remaja " + marker), reviewer).body().get("total")
                .asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/innovations?q=" + encode("remaja " + marker) + "&sort=TITLE", visitor).body()
                .get("items").valueStream().map(i -> i.get("title").asString()))
                .containsExactly(bank.proposal().title(), posyandu.proposal().title());

        Answer suggestions = api.get("/api/v1/innovations/suggest?q=" + encode("posyandu remaja "), visitor);
        assertThat(suggestions.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/innovations/suggest?q=" + encode("Bank Sampah Remaja " + marker.substring(0, 4)),
                visitor).body().valueStream().map(i -> i.get("id").asString()))
                .containsExactly(bank.innovationId().toString());
        assertThat(api.get("/api/v1/innovations/suggest?q=" + encode("posyandu remaja draf " + marker), visitor)
                .body().size()).isZero();
        assertThat(api.get("/api/v1/innovations/suggest?q=" + encode("posyandu remaja draf " + marker),
                TestIdentities.portal("portal-PKM-SUNGAILIAT", "PKM-SUNGAILIAT")).body().size()).isEqualTo(1);
        assertThat(api.get("/api/v1/innovations/suggest", visitor).status()).isEqualTo(400);

        Answer similar = api.get("/api/v1/innovations/" + posyandu.innovationId() + "/similar", visitor);
        assertThat(similar.status()).isEqualTo(200);
        assertThat(similar.body().valueStream().map(i -> i.get("id").asString()))
                .doesNotContain(posyandu.innovationId().toString(), draft.innovationId().toString())
                .contains(bank.innovationId().toString());
        assertThat(similar.body().valueStream().map(i -> i.get("status").asString())).containsOnly("PUBLISHED");
        assertThat(api.get("/api/v1/innovations/" + draft.innovationId() + "/similar", visitor).status())
                .isEqualTo(404);
    }

    private SubmissionReceived titled(String opdCode, String title) {
        SubmissionReceived event = submission(opdCode, InnovationField.HEALTH, 2024);
        SubmissionReceived titled = new SubmissionReceived(event.submissionId(), event.innovationId(),
                SubmissionAction.CREATE, 0, event.caller(), opdCode, Instant.now(), retitled(event, title), null);
        deliver(titled);
        awaitOutcome(titled);
        return titled;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void filtersSortAndFacetsDescribeTheMatchingInnovations() {
        SubmissionReceived health = submission("KEC-MERAWANG", InnovationField.HEALTH, 2021);
        SubmissionReceived education = submission("KEC-MERAWANG", InnovationField.EDUCATION, 2023);
        deliver(health);
        deliver(education);
        awaitOutcome(health);
        awaitOutcome(education);
        Map<String, String> reviewer = TestIdentities.reviewer("bappeda");

        Answer all = awaitSearch("opdCode=KEC-MERAWANG&sort=TITLE", reviewer,
                a -> a.body().get("total").asLong() == 2);
        assertThat(all.body().get("facets").get("field").get("HEALTH").asLong()).isEqualTo(1);
        assertThat(all.body().get("facets").get("field").get("EDUCATION").asLong()).isEqualTo(1);
        assertThat(all.body().get("facets").get("year").get("2021").asLong()).isEqualTo(1);
        assertThat(all.body().get("facets").get("status").get("SUBMITTED").asLong()).isEqualTo(2);
        List<String> titles = all.body().get("items").valueStream().map(i -> i.get("title").asString()).toList();
        assertThat(titles).isSorted();

        assertThat(api.get("/api/v1/innovations?opdCode=KEC-MERAWANG&yearFrom=2022&yearTo=2024", reviewer).body()
                .get("items").get(0).get("id").asString()).isEqualTo(education.innovationId().toString());
        assertThat(api.get("/api/v1/innovations?opdCode=KEC-MERAWANG&stage=TRIAL", reviewer).body()
                .get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/innovations?opdCode=KEC-MERAWANG&kind=DIGITAL&source=OPD&form=PUBLIC_SERVICE"
                + "&programme=INNOVATION_LAB&status=SUBMITTED", reviewer).body().get("total").asLong()).isEqualTo(2);
        for (String bad : List.of("stage=SOON", "yearFrom=abc", "yearTo=1900", "sort=RANDOM", "status=GONE")) {
            Answer answer = api.get("/api/v1/innovations?" + bad, reviewer);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(bad).isEqualTo("application/problem+json");
        }
    }

    @Test
    void evidenceScoresClaimedAndVerifiedAndAnyOwnerChangeResetsItToPending() {
        UUID id = created("DISKOMINFO").innovationId();
        Map<String, String> owner = TestIdentities.portal("portal-DISKOMINFO", "DISKOMINFO");
        Map<String, String> reviewer = TestIdentities.reviewer("bappeda");
        String evidence = "/api/v1/innovations/" + id + "/evidence";

        Answer declared = api.put(evidence + "/35", owner,
                "{\"parameter\":3,\"links\":[\"https://www.youtube.com/watch?v=kominfo\"]}");
        assertThat(declared.status()).isEqualTo(200);
        assertThat(declared.body().get("scores").get("claimed").asInt()).isEqualTo(12);
        assertThat(declared.body().get("scores").get("verified").asInt()).isZero();
        api.put(evidence + "/16", owner, "{\"parameter\":2}");

        Answer accepted = api.post(evidence + "/35/verification", reviewer,
                "{\"state\":\"ACCEPTED\",\"note\":\"Video sesuai\"}");
        assertThat(accepted.body().get("scores").get("verified").asInt()).isEqualTo(12);
        assertThat(accepted.body().get("scores").get("claimed").asInt()).isEqualTo(18);

        Answer changed = api.put(evidence + "/35", owner, "{\"parameter\":2}");
        assertThat(changed.body().get("scores").get("verified").asInt()).isZero();
        assertThat(changed.body().get("indicators").valueStream()
                .filter(r -> r.get("indicator").get("code").asString().equals("35")).findFirst().orElseThrow()
                .get("evidence").get("state").asString()).isEqualTo("PENDING");

        InnovationChanged snapshot = EventCodec.decode(TopicProbe.await(infrastructure().kafkaBootstrapServers(),
                Topics.CATALOG, r -> id.toString().equals(r.key())
                        && EventCodec.decode(r.value(), InnovationChanged.class).version() == 5, 1, WAIT)
                .get(0).value(), InnovationChanged.class);
        assertThat(snapshot.scores().claimed()).isEqualTo(14);
        assertThat(snapshot.scores().indicatorsWithEvidence()).isEqualTo(2);
        Answer history = api.get("/api/v1/innovations/" + id + "/history", owner);
        assertThat(history.body().get(3).get("action").asString()).isEqualTo("EVIDENCE_ACCEPTED 35");
        assertThat(history.body().get(4).get("changes").valueStream().map(c -> c.get("field").asString()))
                .contains("evidence.35.parameter", "evidence.35.state");
    }

    @Test
    void evidenceFilesAreCheckedByContentStoredInGridFsAndOnlyForTheOwner() {
        UUID id = created("DISPORA").innovationId();
        Map<String, String> owner = TestIdentities.portal("portal-DISPORA", "DISPORA");
        String evidence = "/api/v1/innovations/" + id + "/evidence";
        api.put(evidence + "/26", owner, "{\"parameter\":1}");
        byte[] pdf = "%PDF-1.4\nPedoman teknis inovasi\n%%EOF".getBytes(StandardCharsets.UTF_8);
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

        Answer uploaded = api.upload(evidence + "/26/files", owner, "file", "pedoman.pdf", pdf);
        assertThat(uploaded.status()).isEqualTo(200);
        JsonNode file = uploaded.body().get("indicators").valueStream()
                .filter(r -> r.get("indicator").get("code").asString().equals("26")).findFirst().orElseThrow()
                .get("evidence").get("files").get(0);
        assertThat(file.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(api.download(evidence + "/26/files/" + file.get("id").asString(),
                TestIdentities.reviewer("bappeda"))).isEqualTo(pdf);

        Answer renamed = api.upload(evidence + "/26/files", owner, "file", "../../etc/passwd.pdf", png);
        assertThat(renamed.body().toString()).contains("\"name\":\"passwd.png\"").contains("image/png");
        Answer disguised = api.upload(evidence + "/26/files", owner, "file", "laporan.pdf",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(disguised.status()).isEqualTo(415);
        assertThat(disguised.header("Content-Type")).isEqualTo("application/problem+json");
        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy(pdf, 0, huge, 0, pdf.length);
        assertThat(api.upload(evidence + "/26/files", owner, "file", "besar.pdf", huge).status()).isEqualTo(413);

        assertThat(api.upload(evidence + "/26/files", TestIdentities.portal("p", "DINSOS"), "file", "x.pdf", pdf)
                .status()).isEqualTo(404);
        assertThat(api.put(evidence + "/26", TestIdentities.reviewer("bappeda"), "{\"parameter\":1}").status())
                .isEqualTo(403);
        assertThat(api.get(evidence, TestIdentities.anonymous()).status()).isEqualTo(404);
        assertThat(api.put(evidence + "/99", owner, "{\"parameter\":1}").status()).isEqualTo(404);
        Answer badParameter = api.put(evidence + "/26", owner, "{\"parameter\":4,\"links\":[\"javascript:x\"]}");
        assertThat(badParameter.status()).isEqualTo(400);
        assertThat(badParameter.body().get("errors").size()).isEqualTo(2);

        Answer removed = api.delete(evidence + "/26/files/" + file.get("id").asString(), owner);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().toString()).doesNotContain("pedoman.pdf");
    }

    @Test
    void everyDecisionOutsideTheLifecycleIsRefusedInEveryStatus() {
        UUID id = created("DISPUSIP").innovationId();
        Map<String, String> reviewer = TestIdentities.reviewer("bappeda");
        Map<String, List<String>> legal = Map.of("SUBMITTED", List.of("REQUEST_REVISION", "VERIFY"),
                "VERIFIED", List.of("PUBLISH"), "PUBLISHED", List.of("ARCHIVE"), "ARCHIVED", List.of());
        for (String[] step : new String[][] {{"SUBMITTED", "VERIFY"}, {"VERIFIED", "PUBLISH"},
                {"PUBLISHED", "ARCHIVE"}, {"ARCHIVED", null}}) {
            for (String decision : List.of("REQUEST_REVISION", "VERIFY", "PUBLISH", "ARCHIVE")) {
                if (!legal.get(step[0]).contains(decision)) {
                    Answer refused = review(id, decision, "", reviewer);
                    assertThat(refused.status()).as(decision + " in " + step[0]).isEqualTo(409);
                    assertThat(refused.body().get("allowed").valueStream().map(JsonNode::asString).toList())
                            .isEqualTo(legal.get(step[0]));
                }
            }
            if (step[1] != null) {
                assertThat(review(id, step[1], "", reviewer).status()).isEqualTo(200);
            }
        }
        assertThat(mongo.findById(id, Innovation.class).version()).isEqualTo(4);
    }

    @Test
    void opsRepublishEverySnapshotAndTheSortByScorePutsVerifiedFirst() {
        UUID low = created("DKP").innovationId();
        UUID high = created("DKP").innovationId();
        Map<String, String> owner = TestIdentities.portal("portal-DKP", "DKP");
        api.put("/api/v1/innovations/" + high + "/evidence/33", owner, "{\"parameter\":3}");
        api.post("/api/v1/innovations/" + high + "/evidence/33/verification", TestIdentities.reviewer("bappeda"),
                "{\"state\":\"ACCEPTED\"}");
        assertThat(awaitSearch("opdCode=DKP&sort=SCORE", TestIdentities.reviewer("b"),
                a -> a.body().get("items").size() == 2 && a.body().get("items").get(0).get("id").asString()
                        .equals(high.toString())).body()
                .get("items").valueStream().map(i -> i.get("id").asString()))
                .containsExactly(high.toString(), low.toString());

        assertThat(api.post("/api/v1/ops/snapshots/republish", TestIdentities.reviewer("b"), "").status())
                .isEqualTo(403);
        Answer republish = api.post("/api/v1/ops/snapshots/republish", TestIdentities.ops("ops"), "");
        assertThat(republish.status()).isEqualTo(202);
        assertThat(republish.body().get("innovations").asLong()).isGreaterThanOrEqualTo(2);
        List<ConsumerRecord<String, byte[]>> lows = TopicProbe.await(infrastructure().kafkaBootstrapServers(),
                Topics.CATALOG, r -> low.toString().equals(r.key()), 2, WAIT);
        assertThat(lows).extracting(r -> EventCodec.decode(r.value(), InnovationChanged.class).version())
                .containsOnly(1L);
        await().atMost(WAIT).until(() -> !mongo.findById(low, Innovation.class).publishPending());
    }

    /**
     * "zq" and six random letters a to f: one word no other innovation has. (Taking the letters of a random UUID ran
     * short now and then: some UUIDs hold fewer than six.)
     */
    private static String letterMarker() {
        StringBuilder marker = new StringBuilder("zq");
        ThreadLocalRandom.current().ints(6, 'a', 'g').forEach(letter -> marker.append((char) letter));
        return marker.toString();
    }
}
