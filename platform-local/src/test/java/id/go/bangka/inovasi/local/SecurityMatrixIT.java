package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationField;
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
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TestOidcProvider;
import id.go.bangka.inovasi.testsupport.TopicWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's security through the real gateway and services (separate processes, as in
 * {@link PlatformEndToEndIT}): each role against each route, API keys missing, wrong, rotated and revoked, OIDC
 * tokens good and bad (minted by a {@link TestOidcProvider}, verified against its JWK set), forged identity sent to the
 * gateway and straight to a service, a signed identity replayed against another path, method or service, the
 * request id from the caller to the consumer's log, rate limits with their recovery, and a dead letter an ops key
 * may replay only with its own ids, action, caller and OPD and a proposal intake accepts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityMatrixIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Duration RELOADED = Duration.ofSeconds(10);

    private static final String PORTAL_KEY = key("portal");
    private static final String REVIEWER_KEY = key("reviewer");
    private static final String OPS_KEY = key("ops");
    private static final String PUBLIC_KEY = key("public");
    private static final String THROTTLED_KEY = key("throttled");
    private static final String ROTATING_OLD_KEY = key("rotating-old");
    private static final String ROTATING_NEW_KEY = key("rotating-new");
    private static final String AUDIENCE = "inovasi-api";

    private static final TestOidcProvider ISSUER = new TestOidcProvider();
    private static EmbeddedInfrastructure infrastructure;
    private static TestPlatform platform;
    private static Path clientsFile;
    private static ServiceProcess gatewayProcess;
    private static ServiceProcess catalog;
    private static int submissionPort;
    private static int catalogPort;
    private static ApiClient gateway;
    private static String innovationId;
    private static String submissionId;

    /** The callers of the matrix. */
    enum Caller {
        ANONYMOUS(null), PORTAL(PORTAL_KEY), REVIEWER(REVIEWER_KEY), OPS(OPS_KEY), PUBLIC_CLIENT(PUBLIC_KEY);

        final String key;

        Caller(String key) {
            this.key = key;
        }

        Map<String, String> headers() {
            Map<String, String> headers = new HashMap<>();
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
            if (key != null) {
                headers.put("X-Api-Key", key);
            }
            return headers;
        }
    }

    @BeforeAll
    static void startPlatform() throws IOException {
        infrastructure = EmbeddedInfrastructure.startNew();
        Path work = Files.createDirectories(TestPlatform.ROOT.resolve("platform-local/target/security-matrix"));
        clientsFile = work.resolve("clients.yml");
        writeClients(List.of(ROTATING_OLD_KEY));
        platform = TestPlatform.start(infrastructure, work, clientsFile, Map.of(
                "INOVASI_GATEWAY_CLIENTS_RELOAD_INTERVAL", "300ms",
                "INOVASI_OIDC_ISSUER_URI", ISSUER.issuer(),
                "INOVASI_OIDC_AUDIENCE", AUDIENCE));
        gatewayProcess = platform.gateway;
        catalog = platform.catalog;
        submissionPort = platform.submission.port();
        catalogPort = platform.catalog.port();
        gateway = new ApiClient(platform.gatewayUri());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.stop();
        }
        ISSUER.stop();
        if (infrastructure != null) {
            infrastructure.stop();
        }
    }

    @Test
    @Order(1)
    void eachRoleAgainstEachRoute() {
        Answer created = gateway.post("/api/v1/submissions", Caller.PORTAL.headers(), proposal("Matriks DINKES"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
        submissionId = created.body().get("submissionId").asString();
        innovationId = created.body().get("innovationId").asString();
        awaitApplied(submissionId);

        String other = UUID.randomUUID().toString();
        List<Rule> rules = List.of(
                new Rule("POST", "/api/v1/submissions", proposal("Matriks"), Set.of(Caller.PORTAL), 202),
                new Rule("GET", "/api/v1/submissions/" + submissionId, null,
                        Set.of(Caller.PORTAL, Caller.REVIEWER, Caller.OPS), 200),
                new Rule("PUT", "/api/v1/innovations/" + innovationId, proposal("Matriks DINKES (revisi)"),
                        Set.of(Caller.PORTAL), 0),
                new Rule("POST", "/api/v1/innovations/" + other + "/withdrawal",
                        "{\"opdCode\":\"DINKES\",\"reason\":\"Uji matriks\"}", Set.of(Caller.PORTAL), 0),
                new Rule("POST", "/api/v1/innovations/" + innovationId + "/review", "{}",
                        Set.of(Caller.REVIEWER), 0),
                new Rule("GET", "/api/v1/review/queue", null, Set.of(Caller.REVIEWER), 200),
                new Rule("GET", "/api/v1/review/queue/" + innovationId, null, Set.of(Caller.REVIEWER), 200),
                new Rule("PUT", "/api/v1/review/iid/spd/2025", "{\"indicators\":[]}",
                        Set.of(Caller.REVIEWER, Caller.OPS), 200),
                new Rule("GET", "/api/v1/innovations/" + innovationId + "/history", null,
                        Set.of(Caller.PORTAL, Caller.REVIEWER, Caller.OPS, Caller.PUBLIC_CLIENT), 0),
                new Rule("PUT", "/api/v1/innovations/" + innovationId + "/evidence/16",
                        "{\"parameter\":1,\"links\":[\"https://inovasi.bangka.go.id/bukti\"]}",
                        Set.of(Caller.PORTAL), 0),
                new Rule("POST", "/api/v1/innovations/" + innovationId + "/evidence/16/verification",
                        "{\"state\":\"ACCEPTED\"}", Set.of(Caller.REVIEWER), 0),
                new Rule("POST", "/api/v1/ops/snapshots/republish", "", Set.of(Caller.OPS), 202),
                new Rule("GET", "/api/v1/innovations?field=HEALTH", null, Set.of(Caller.values()), 200),
                new Rule("GET", "/api/v1/innovations/" + innovationId, null, Set.of(Caller.values()), 0),
                new Rule("GET", "/api/v1/stats/overview", null, Set.of(Caller.values()), 200),
                new Rule("GET", "/api/v1/opds", null, Set.of(Caller.values()), 200),
                new Rule("GET", "/api/v1/reference", null, Set.of(Caller.values()), 200),
                new Rule("GET", "/v3/api-docs/submissions", null, Set.of(Caller.values()), 200),
                new Rule("GET", "/v3/api-docs/catalog", null, Set.of(Caller.values()), 200),
                new Rule("GET", "/v3/api-docs/stats", null, Set.of(Caller.values()), 200),
                new Rule("GET", "/asyncapi/inovasi.asyncapi.yaml", null, Set.of(Caller.values()), 200));

        SoftAssertions softly = new SoftAssertions();
        for (Rule rule : rules) {
            for (Caller caller : Caller.values()) {
                Answer answer = send(gateway, rule.method(), rule.path(), caller.headers(), rule.body());
                String what = caller + " " + rule.method() + " " + rule.path() + " -> " + answer.status() + " "
                        + answer.body();
                if (rule.allowed().contains(caller)) {
                    softly.assertThat(refusedByTheGateway(answer)).as("allowed: " + what).isFalse();
                    softly.assertThat(answer.status()).as("allowed: " + what).isLessThan(500).isNotEqualTo(429);
                    if (rule.expected() != 0) {
                        softly.assertThat(answer.status()).as(what).isEqualTo(rule.expected());
                    }
                } else {
                    softly.assertThat(answer.status()).as("refused: " + what)
                            .isEqualTo(caller == Caller.ANONYMOUS ? 401 : 403);
                    softly.assertThat(refusedByTheGateway(answer)).as("refused by the gateway: " + what).isTrue();
                    softly.assertThat(answer.header("Content-Type")).as(what).isEqualTo("application/problem+json");
                }
            }
        }
        softly.assertAll();
    }

    @Test
    @Order(2)
    void missingWrongRotatedAndRevokedKeys() throws IOException {
        Answer missing = gateway.post("/api/v1/submissions", Map.of("Idempotency-Key", "k-1"), proposal("Tanpa"));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("ApiKey");
        assertThat(gateway.get("/api/v1/stats/overview", Map.of("X-Api-Key", "wrong-key")).status())
                .as("a wrong key is refused even where none is needed").isEqualTo(401);

        assertThat(write(ROTATING_OLD_KEY)).isEqualTo(202);
        assertThat(write(ROTATING_NEW_KEY)).isEqualTo(401);
        writeClients(List.of(ROTATING_OLD_KEY, ROTATING_NEW_KEY));
        await().atMost(RELOADED).until(() -> write(ROTATING_NEW_KEY) == 202);
        assertThat(write(ROTATING_OLD_KEY)).as("both keys work during the rotation").isEqualTo(202);
        writeClients(List.of(ROTATING_NEW_KEY));
        await().atMost(RELOADED).until(() -> write(ROTATING_OLD_KEY) == 401);
        assertThat(write(ROTATING_NEW_KEY)).as("no restart: the new key goes on working").isEqualTo(202);

        writeClients(List.of());
        await().atMost(RELOADED).until(() -> write(ROTATING_NEW_KEY) == 401);
        assertThat(write(PORTAL_KEY)).as("revoking one client leaves the others").isEqualTo(202);
    }

    @Test
    @Order(3)
    void oidcTokensGoodAndBad() {
        Map<String, Object> portal = Map.of("roles", List.of("portal"), "opd_codes", List.of("DINKES"));
        Answer accepted = gateway.post("/api/v1/submissions", bearer(ISSUER.token("sso-portal-dinkes", AUDIENCE,
                Duration.ofMinutes(5), portal)), proposal("Lewat SSO"));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        assertThat(gateway.get("/api/v1/review/queue", bearer(ISSUER.token("sso-reviewer", AUDIENCE,
                Duration.ofMinutes(5), Map.of("roles", "reviewer")))).status()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/review/queue", bearer(ISSUER.token("sso-portal-dinkes", AUDIENCE,
                Duration.ofMinutes(5), portal))).status()).isEqualTo(403);
        String ownToken = ISSUER.token("sso-portal-dinkes", AUDIENCE, Duration.ofMinutes(5), portal);
        String viaSso = accepted.body().get("submissionId").asString();
        await().atMost(WAIT).until(() -> gateway.get("/api/v1/submissions/" + viaSso, bearer(ownToken)),
                a -> a.status() == 200 && "APPLIED".equals(a.body().get("status").asString()));

        Answer sameName = gateway.get("/api/v1/submissions/" + submissionId, bearer(ISSUER.token("portal-dinkes",
                AUDIENCE, Duration.ofMinutes(5), portal)));
        assertThat(sameName.status()).as("a token whose subject is an API client's id is not that client")
                .isEqualTo(404);
        assertThat(gateway.get("/api/v1/submissions/" + viaSso, Caller.PORTAL.headers()).status())
                .as("nor the other way round").isEqualTo(404);

        Map<String, String> bad = Map.of(
                "bad signature", ISSUER.forged("sso-portal-dinkes", AUDIENCE, portal),
                "expired", ISSUER.token("sso-portal-dinkes", AUDIENCE, Duration.ofMinutes(-10), portal),
                "wrong audience", ISSUER.token("sso-portal-dinkes", "another-api", Duration.ofMinutes(5), portal),
                "every OPD claimed", ISSUER.token("sso-portal-all", AUDIENCE, Duration.ofMinutes(5),
                        Map.of("roles", List.of("portal"), "opd_codes", List.of("*"))));
        bad.forEach((what, token) -> {
            Answer refused = gateway.post("/api/v1/submissions", bearer(token), proposal("Token " + what));
            assertThat(refused.status()).as(what).isEqualTo(401);
            assertThat(refused.header("Content-Type")).as(what).isEqualTo("application/problem+json");
            assertThat(refused.body().get("detail").asString()).as(what).startsWith("The bearer token is not valid");
        });
    }

    @Test
    @Order(4)
    void forgedIdentityIsIgnoredByTheGatewayAndRefusedByTheServices() {
        Map<String, String> forged = new HashMap<>(Map.of("X-Inovasi-Client-Id", "portal-dinkes",
                "X-Inovasi-Roles", "portal,reviewer", "X-Inovasi-Opd-Codes", "*",
                "X-Inovasi-Identity-Time", Long.toString(Instant.now().getEpochSecond()),
                "X-Inovasi-Identity-Signature", "forged", "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(gateway.post("/api/v1/submissions", forged, proposal("Palsu")).status())
                .as("forged headers are no credentials").isEqualTo(401);
        Map<String, String> reviewerClaimingPortal = new HashMap<>(forged);
        reviewerClaimingPortal.put("X-Api-Key", REVIEWER_KEY);
        assertThat(gateway.post("/api/v1/submissions", reviewerClaimingPortal, proposal("Palsu")).status())
                .as("the key's roles count, not the headers'").isEqualTo(403);
        Answer anonymousStats = gateway.get("/api/v1/stats/overview", forged);
        assertThat(anonymousStats.status()).isEqualTo(200);
        assertThat(anonymousStats.body().get("scope").asString()).as("still the public's numbers")
                .isEqualTo("PUBLISHED");

        ApiClient intake = new ApiClient("http://127.0.0.1:" + submissionPort);
        CallerIdentity portal = new CallerIdentity("portal-dinkes", Set.of("portal"), Set.of("DINKES"), "direct-1");
        RequestTarget submit = new RequestTarget("submission-service", "POST", "/api/v1/submissions");
        Clock now = Clock.systemUTC();
        Map<String, Map<String, String>> bypasses = new LinkedHashMap<>();
        bypasses.put("no identity", Map.of());
        bypasses.put("unsigned identity", forged);
        bypasses.put("signed with another secret", gatewaySigner("another-secret-of-at-least-32-characters", now)
                .sign(portal, submit).toHeaders());
        bypasses.put("stale identity", gatewaySigner(Infrastructure.IDENTITY_SECRET,
                Clock.offset(now, Duration.ofSeconds(-120))).sign(portal, submit).toHeaders());
        bypasses.put("identity from the future", gatewaySigner(Infrastructure.IDENTITY_SECRET,
                Clock.offset(now, Duration.ofSeconds(30))).sign(portal, submit).toHeaders());
        bypasses.put("identity signed for another service", TestIdentities.signed(portal,
                new RequestTarget("catalog-service", "POST", "/api/v1/submissions")));
        bypasses.put("identity signed for another path", TestIdentities.signed(portal,
                new RequestTarget("submission-service", "POST", "/api/v1/submissions?dry-run")));
        bypasses.forEach((what, headers) -> {
            Map<String, String> request = new HashMap<>(headers);
            request.put("Idempotency-Key", UUID.randomUUID().toString());
            Answer refused = intake.post("/api/v1/submissions", request, proposal("Langsung " + what));
            assertThat(refused.status()).as(what + ": " + refused.body()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).as(what).isEqualTo("application/problem+json");
        });
        assertThat(new ApiClient("http://127.0.0.1:" + catalogPort).get("/api/v1/innovations", Map.of()).status())
                .as("reads straight from a service need the signed identity too").isEqualTo(401);

        Map<String, String> genuine = new HashMap<>(TestIdentities.signed(portal, submit));
        genuine.put("Idempotency-Key", UUID.randomUUID().toString());
        assertThat(intake.post("/api/v1/submissions", genuine, proposal("Langsung sah")).status())
                .as("only the forgery was refused: a genuine signature passes").isEqualTo(202);
    }

    @Test
    @Order(5)
    void aSignedIdentitySeenOnceCannotBeReplayedAgainstAnotherPathMethodOrService() {
        CallerIdentity reviewer = new CallerIdentity("bappeda-reviewer", Set.of("reviewer"), Set.of(), "seen-1");
        String queue = "/api/v1/review/queue?status=SUBMITTED";
        Map<String, String> seen = TestIdentities.signed(reviewer, new RequestTarget("catalog-service", "GET", queue));
        ApiClient catalogue = new ApiClient("http://127.0.0.1:" + catalogPort);
        ApiClient intake = new ApiClient("http://127.0.0.1:" + submissionPort);
        ApiClient stats = new ApiClient("http://127.0.0.1:" + platform.stats.port());
        assertThat(catalogue.get(queue, seen).status()).as("the request it was signed for").isEqualTo(200);

        Map<String, Answer> replays = new LinkedHashMap<>();
        replays.put("another path of the same service", catalogue.get("/api/v1/innovations/" + innovationId
                + "/history", seen));
        replays.put("another query", catalogue.get("/api/v1/review/queue?status=VERIFIED", seen));
        replays.put("another method", catalogue.post(queue, seen, "{}"));
        replays.put("another service", stats.get("/api/v1/stats/review", seen));
        replays.put("the same path at another service", intake.get(queue, seen));
        replays.put("the outcome endpoint", catalogue.get("/api/v1/submission-outcomes/" + submissionId, seen));
        replays.forEach((what, answer) -> {
            assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).as(what).isEqualTo("application/problem+json");
        });
    }

    @Test
    @Order(6)
    void theRequestIdTravelsFromTheCallerToTheConsumersLog() throws IOException {
        String requestId = "matrix-" + UUID.randomUUID();
        Map<String, String> headers = Caller.PORTAL.headers();
        headers.put("X-Request-Id", requestId);
        Answer accepted = gateway.post("/api/v1/submissions", headers, proposal("Jejak permintaan"));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("X-Request-Id")).isEqualTo(requestId);
        String id = accepted.body().get("submissionId").asString();
        awaitApplied(id);

        assertThat(Files.readString(gatewayProcess.log())).contains("[" + requestId + "]");
        assertThat(Files.readString(catalog.log())).as("the consumer logs in the request's context")
                .contains("[" + requestId + "]").contains(id);
        Answer generated = gateway.get("/api/v1/stats/overview", Map.of("X-Request-Id", "not a valid id"));
        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    @Order(7)
    void swaggerUiAtTheGatewayListsEveryServicesDocument() {
        Answer page = gateway.get("/swagger-ui/index.html", Map.of());
        assertThat(page.status()).isEqualTo(200);
        Answer initializer = gateway.get("/swagger-ui/swagger-initializer.js", Map.of());
        String configUrl = initializer.body().asString().replaceAll("(?s).*\"configUrl\"\\s*:\\s*\"([^\"]+)\".*",
                "$1");
        Answer config = gateway.get(configUrl, Map.of());
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().get("urls").toString()).contains("/v3/api-docs/submissions")
                .contains("/v3/api-docs/catalog").contains("/v3/api-docs/stats");
        assertThat(gateway.get("/v3/api-docs/submissions", Map.of()).body().get("openapi")).isNotNull();
    }

    @Test
    @Order(8)
    void rateLimitsRefuseWith429AndRecover() throws InterruptedException {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(gateway.get("/api/v1/stats/overview", Map.of("X-Api-Key", THROTTLED_KEY)));
        }
        assertThat(answers.get(0).status()).isEqualTo(200);
        assertThat(answers.get(0).header("RateLimit-Limit")).isEqualTo("3");
        Answer refused = answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow();
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isPositive();
        Thread.sleep(retryAfter * 1000);
        assertThat(gateway.get("/api/v1/stats/overview", Map.of("X-Api-Key", THROTTLED_KEY)).status())
                .as("recovered after Retry-After").isEqualTo(200);

        List<Integer> anonymous = Flood.get(gateway(), "/api/v1/stats/overview", 150);
        assertThat(anonymous).as("anonymous: 20/s per IP, bursts of 40").contains(200, 429);
        assertThat(anonymous.stream().filter(s -> s == 200).count()).isLessThan(120);
        assertThat(gateway.get("/api/v1/stats/overview", Map.of("X-Api-Key", PORTAL_KEY)).status())
                .as("an authenticated client draws from its own bucket, not the IP's").isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.get("/api/v1/stats/overview", Map.of())
                .status() == 200);
    }

    @Test
    @Order(9)
    void aDeadLetterIsReplayedOnlyWithItsOwnIdentityAndIntakesRulesAndTheAuditNamesTheOperator() {
        SubmissionReceived event = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(),
                SubmissionAction.CREATE, 0, new id.go.bangka.inovasi.events.Caller("portal-dinkes", "portal"),
                "DINKES", Instant.now(),
                Proposals.full("Replay " + UUID.randomUUID(), "DINKES", InnovationField.HEALTH, 2023), null);
        ObjectNode poison = (ObjectNode) JsonMapper.shared().readTree(EventCodec.encode(event));
        poison.put("receivedAt", "gestern");
        TopicWriter.send(infrastructure.kafkaBootstrapServers(), Topics.SUBMISSIONS, event.innovationId().toString(),
                Map.of(CloudEventHeaders.ID, event.submissionId().toString(), CloudEventHeaders.TYPE,
                        EventTypes.SUBMISSION_RECEIVED, CloudEventHeaders.SPEC_VERSION, "1.0"),
                JsonMapper.shared().writeValueAsBytes(poison));
        Map<String, String> ops = Map.of("X-Api-Key", OPS_KEY);
        JsonNode deadLetter = await().atMost(WAIT).until(() -> deadLetter(event.innovationId().toString()),
                Optional::isPresent).get();
        String replay = "/api/v1/ops/dead-letters/" + deadLetter.get("partition").asInt() + "/"
                + deadLetter.get("offset").asLong() + "/replay";

        SubmissionReceived forged = new SubmissionReceived(event.submissionId(), event.innovationId(),
                event.action(), 0, new id.go.bangka.inovasi.events.Caller("portal-dinsos", "portal"), "DINKES",
                event.receivedAt(), event.proposal(), null);
        Answer forgedCaller = gateway.post(replay, ops,
                new String(EventCodec.encode(forged), StandardCharsets.UTF_8));
        assertThat(forgedCaller.status()).as(forgedCaller.body().toString()).isEqualTo(422);
        assertThat(forgedCaller.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/caller/clientId");

        SubmissionReceived invalid = new SubmissionReceived(event.submissionId(), event.innovationId(),
                event.action(), 0, event.caller(), "DINKES", event.receivedAt(),
                Proposals.full("abc", "DINKES", InnovationField.HEALTH, 1999), null);
        Answer refused = gateway.post(replay, ops, new String(EventCodec.encode(invalid), StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.body().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .as("intake's own errors, every one at once").containsExactlyInAnyOrder("/proposal/title",
                        "/proposal/year");

        Answer replayed = gateway.post(replay, ops, new String(EventCodec.encode(event), StandardCharsets.UTF_8));
        assertThat(replayed.status()).as(replayed.body().toString()).isEqualTo(202);
        JsonNode created = await().atMost(WAIT).until(() -> gateway.get("/api/v1/innovations/" + event.innovationId()
                + "/history", Map.of("X-Api-Key", REVIEWER_KEY)), a -> a.status() == 200).body().get(0);
        assertThat(created.get("by").asString()).as("the portal that submitted it").isEqualTo("portal-dinkes");
        assertThat(created.get("replayedBy").asString()).as("the operator who replayed it").isEqualTo("ops-team");
    }

    private static Optional<JsonNode> deadLetter(String key) {
        for (int page = 0; ; page++) {
            JsonNode items = gateway.get("/api/v1/ops/dead-letters?size=100&page=" + page,
                    Map.of("X-Api-Key", OPS_KEY)).body().get("items");
            Optional<JsonNode> found = items.valueStream().filter(i -> key.equals(i.get("key").asString()))
                    .findFirst();
            if (found.isPresent() || items.isEmpty()) {
                return found;
            }
        }
    }

    /** One rule of the matrix; {@code expected} is the exact status of allowed callers, 0 where it varies. */
    private record Rule(String method, String path, String body, Set<Caller> allowed, int expected) {
    }

    /** Whether the gateway itself refused: its own challenge (401) or its role check (403). */
    private static boolean refusedByTheGateway(Answer answer) {
        String challenge = answer.header("WWW-Authenticate");
        String detail = answer.body().has("detail") ? answer.body().get("detail").asString() : "";
        return answer.status() == 401 && challenge != null && challenge.startsWith("ApiKey")
                || answer.status() == 403 && detail.endsWith("its roles do not allow it.");
    }

    private static Answer send(ApiClient client, String method, String path, Map<String, String> headers,
            String body) {
        return switch (method) {
            case "GET" -> client.get(path, headers);
            case "POST" -> client.post(path, headers, body);
            case "PUT" -> client.put(path, withIfMatch(headers), body);
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static Map<String, String> withIfMatch(Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("If-Match", "\"1\"");
        return all;
    }

    private static int write(String key) {
        return gateway.post("/api/v1/submissions", Map.of("X-Api-Key", key, "Idempotency-Key",
                UUID.randomUUID().toString()), proposal("Rotasi kunci")).status();
    }

    private static void awaitApplied(String id) {
        await().atMost(WAIT).until(() -> gateway.get("/api/v1/submissions/" + id, Map.of("X-Api-Key", PORTAL_KEY)),
                a -> a.status() == 200 && "APPLIED".equals(a.body().get("status").asString()));
    }

    private static IdentitySigner gatewaySigner(String secret, Clock clock) {
        return new IdentitySigner("gateway", new IdentityProperties(secret, Duration.ofSeconds(60),
                Duration.ofSeconds(5)), clock);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static String proposal(String title) {
        return Proposals.json(title, "DINKES", "HEALTH", 2022);
    }

    private static String gateway() {
        return "http://127.0.0.1:" + gatewayProcess.port();
    }

    private static String key(String name) {
        return "matrix-" + name + "-" + UUID.randomUUID();
    }

    /** The clients file as an operator keeps it; replaced atomically, as docs/security.md says. */
    private static void writeClients(List<String> rotatingKeys) throws IOException {
        String rotating = rotatingKeys.isEmpty() ? "" : """
                  - id: rotating-portal
                    roles: [portal]
                    opd-codes: [DINKES]
                    key-sha256: [%s]
                """.formatted(String.join(", ", rotatingKeys.stream().map(LocalPlatform::sha256).toList()));
        String yaml = TestPlatform.portalAndReviewerYaml(PORTAL_KEY, REVIEWER_KEY) + """
                      - id: ops-team
                        roles: [ops]
                        key-sha256: [%s]
                      - id: public-dashboard
                        roles: [public]
                        key-sha256: [%s]
                      - id: throttled-portal
                        roles: [portal]
                        opd-codes: [DINKES]
                        key-sha256: [%s]
                        rate-limit:
                          requests-per-second: 2
                          burst: 3
                """.formatted(LocalPlatform.sha256(OPS_KEY), LocalPlatform.sha256(PUBLIC_KEY),
                LocalPlatform.sha256(THROTTLED_KEY)) + rotating.indent(4);
        Path next = clientsFile.resolveSibling("clients.yml.next");
        Files.writeString(next, yaml);
        Files.move(next, clientsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Many anonymous requests at once, as a flood from one address would arrive. */
    static final class Flood {

        private Flood() {
        }

        static List<Integer> get(String base, String path, int count) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .build();
            List<CompletableFuture<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                replies.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode));
            }
            return replies.stream().map(CompletableFuture::join).toList();
        }
    }
}
