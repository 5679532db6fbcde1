package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton end to end: the four services as separate processes (their built jars) on the in-JVM Kafka
 * broker and MongoDB stand-in, driven only through the gateway, including a replayed Idempotency-Key and
 * kill -9 restarts of catalog-service and stats-service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    private static final Duration READY = TestPlatform.readyTimeout();
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String PORTAL_KEY = "e2e-portal-key-" + UUID.randomUUID();
    private static final String REVIEWER_KEY = "e2e-reviewer-key-" + UUID.randomUUID();
    private static final String PROPOSAL = Proposals.json("Aplikasi Motor Kancil", "DINKES", "HEALTH", 2022);

    private static final String REQUEST_ID = "e2e-" + UUID.randomUUID();
    private static TestPlatform platform;
    private static ServiceProcess catalog;
    private static ServiceProcess stats;
    private static ApiClient gateway;
    private static final HttpClient STREAMS = HttpClient.newHttpClient();
    private static String gatewayBase;
    private static String submissionId;
    private static String innovationId;

    @BeforeAll
    static void startPlatform() throws IOException {
        Path work = Files.createDirectories(TestPlatform.ROOT.resolve("platform-local/target/e2e"));
        Path clients = TestPlatform.portalAndReviewerClients(work, PORTAL_KEY, REVIEWER_KEY, "DINKES");
        platform = TestPlatform.start(EmbeddedInfrastructure.get(), work, clients, Map.of());
        catalog = platform.catalog;
        stats = platform.stats;
        gatewayBase = platform.gatewayUri();
        gateway = new ApiClient(gatewayBase);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.stop();
        }
    }

    private static Map<String, String> portal(String idempotencyKey) {
        return Map.of("X-Api-Key", PORTAL_KEY, "Idempotency-Key", idempotencyKey);
    }

    private static Map<String, String> reviewer() {
        return Map.of("X-Api-Key", REVIEWER_KEY);
    }

    @Test
    @Order(1)
    void aPortalSubmitsThroughTheGatewayAndAReplayYieldsTheSameIds() {
        String key = UUID.randomUUID().toString();
        Map<String, String> headers = new HashMap<>(portal(key));
        headers.put("X-Request-Id", REQUEST_ID);
        Answer accepted = gateway.post("/api/v1/submissions", headers, PROPOSAL);
        Answer replay = gateway.post("/api/v1/submissions", portal(key), PROPOSAL);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.body()).isEqualTo(accepted.body());
        submissionId = accepted.body().get("submissionId").asString();
        innovationId = accepted.body().get("innovationId").asString();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/submissions/" + submissionId);
        assertThat(accepted.header("X-Request-Id")).isEqualTo(REQUEST_ID);
    }

    @Test
    @Order(2)
    void theSubmissionIsAppliedOnceAndReadableThroughTheGateway() throws IOException {
        Answer status = await().atMost(WAIT).until(
                () -> gateway.get("/api/v1/submissions/" + submissionId, Map.of("X-Api-Key", PORTAL_KEY)),
                a -> a.status() == 200 && "APPLIED".equals(a.body().get("status").asString()));
        assertThat(status.body().get("version").asLong()).isEqualTo(1);
        assertThat(status.body().get("innovationId").asString()).isEqualTo(innovationId);
        assertThat(Files.readString(catalog.log())).as("the request id reaches the consumer's log context")
                .contains("[" + REQUEST_ID + "]").contains(submissionId);

        Answer innovation = gateway.get("/api/v1/innovations/" + innovationId, Map.of("X-Api-Key", PORTAL_KEY));
        assertThat(innovation.status()).isEqualTo(200);
        assertThat(innovation.body().get("version").asLong()).isEqualTo(1);
        assertThat(innovation.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(gateway.get("/api/v1/innovations/" + innovationId, Map.of()).status())
                .as("not published: invisible to the public").isEqualTo(404);

        Answer page = await().atMost(WAIT).until(() -> gateway.get(
                "/api/v1/innovations?field=HEALTH&opdCode=DINKES&year=2022&page=0&size=10", reviewer()),
                a -> a.status() == 200 && a.body().get("total").asLong() > 0);
        assertThat(page.body().get("total").asLong()).as("search follows the snapshot (a read model)").isEqualTo(1);
        assertThat(page.body().get("items").get(0).get("id").asString()).isEqualTo(innovationId);
    }

    @Test
    @Order(3)
    void statsCountItThroughTheGateway() {
        Answer overview = await().atMost(WAIT).until(() -> gateway.get("/api/v1/stats/overview", reviewer()),
                a -> a.status() == 200 && a.body().get("total").asLong() == 1);
        assertThat(overview.body().get("byOpd").get("DINKES").asLong()).isEqualTo(1);
        assertThat(overview.body().get("byField").get("HEALTH").asLong()).isEqualTo(1);
        Answer byOpd = gateway.get("/api/v1/stats/breakdown?by=opd", reviewer());
        assertThat(byOpd.body().get("rows").get(0).get("labelId").asString())
                .as("statistics name the OPD from submission-service's registry").isEqualTo("Dinas Kesehatan");
        assertThat(gateway.get("/api/v1/stats/overview", Map.of()).body().get("total").asLong())
                .as("public numbers count published innovations only").isZero();
        assertThat(firstStreamedEvent()).as("the live stream passes the gateway").contains("\"total\"");
        assertThat(gateway.get("/v3/api-docs/submissions", Map.of()).body().get("paths").has("/api/v1/submissions"))
                .as("the intake's OpenAPI document through the gateway").isTrue();
    }

    @Test
    @Order(4)
    void anonymousPublicReadsAreCacheableThroughTheGatewayAndSignedInReadsAreNot() {
        for (String path : List.of("/api/v1/stats/overview", "/api/v1/stats/breakdown?by=opd",
                "/api/v1/innovations?page=0&size=5", "/api/v1/innovations?q=kancil&opdCode=DINKES",
                "/api/v1/innovations/suggest?q=apli", "/api/v1/opds")) {
            Answer first = gateway.get(path, Map.of());
            assertThat(first.status()).as(path).isEqualTo(200);
            assertThat(first.header("Cache-Control")).as(path)
                    .isEqualTo("public, max-age=5, stale-while-revalidate=30");
            assertThat(first.header("Vary")).as(path).contains("X-Api-Key");
            String etag = first.header("ETag");
            assertThat(etag).as(path).startsWith("\"");

            Answer unchanged = gateway.get(path, Map.of("If-None-Match", etag));
            assertThat(unchanged.status()).as(path + " revalidated").isEqualTo(304);
            assertThat(unchanged.header("ETag")).as(path).isEqualTo(etag);
        }
        Answer signedIn = gateway.get("/api/v1/stats/overview", reviewer());
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.header("Cache-Control")).as("a reviewer's numbers are never public")
                .doesNotContain("public");
    }

    @Test
    @Order(5)
    void oneAddressHoldsAtMostTenDashboardStreamsThroughTheGateway() throws Exception {
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        HttpResponse<InputStream> refused = null;
        String refusedRequestId = null;
        try {
            for (int attempt = 0; attempt < 11 && refused == null; attempt++) {
                String requestId = "e2e-stream-" + attempt + "-" + UUID.randomUUID();
                HttpResponse<InputStream> answer = stream(requestId);
                if (answer.statusCode() == 200) {
                    open.add(answer);
                } else {
                    refused = answer;
                    refusedRequestId = requestId;
                }
            }
            assertThat(refused).as("the 11th stream from one address at the latest").isNotNull();
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).contains("30");
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(new String(refused.body().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("Too many open streams");
            String refusal = "[" + refusedRequestId + "]";
            await().atMost(WAIT).until(() -> Files.readAllLines(platform.gateway.log()).stream()
                    .anyMatch(line -> line.contains("429 stream refused") && line.contains(refusal)));
        } finally {
            for (HttpResponse<InputStream> stream : open) {
                stream.body().close();
            }
        }
        await().atMost(WAIT).until(() -> {
            HttpResponse<InputStream> again = stream("e2e-stream-again-" + UUID.randomUUID());
            again.body().close();
            return again.statusCode() == 200;
        });
    }

    /** A stream through the gateway, once its headers came; its body is still open. */
    private static HttpResponse<InputStream> stream(String requestId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayBase + "/api/v1/stats/stream"))
                .header("Accept", "text/event-stream").header("X-Request-Id", requestId).build();
        return STREAMS.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(20, TimeUnit.SECONDS);
    }

    private static String firstStreamedEvent() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayBase + "/api/v1/stats/stream"))
                .header("X-Api-Key", REVIEWER_KEY).header("Accept", "text/event-stream").build();
        CompletableFuture<String> data = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> response.body().filter(line -> line.startsWith("data:")).findFirst()
                        .orElse(""));
        return data.orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Test
    @Order(6)
    void writesWithoutAValidKeyAndBadInputAreProblemsNeverServerErrors() {
        Answer noKey = gateway.post("/api/v1/submissions", Map.of("Idempotency-Key", "x"), PROPOSAL);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(gateway.post("/api/v1/submissions", Map.of("X-Api-Key", "nope", "Idempotency-Key", "x"),
                PROPOSAL).status()).isEqualTo(401);

        Answer otherOpd = gateway.post("/api/v1/submissions", portal(UUID.randomUUID().toString()),
                PROPOSAL.replace("DINKES", "DINSOS"));
        assertThat(otherOpd.status()).isEqualTo(403);
        Answer broken = gateway.post("/api/v1/submissions", portal(UUID.randomUUID().toString()), "{\"title\":");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    @Order(7)
    void aPortalRevisesFromTheCurrentVersionAndWithdrawsThroughTheGateway() {
        String created = gateway.post("/api/v1/submissions", portal(UUID.randomUUID().toString()),
                PROPOSAL.replace("Aplikasi Motor Kancil", "Abang Timah Untuk Bu Disa")).body().get("innovationId")
                .asString();
        String etag = await().atMost(WAIT).until(() -> gateway.get("/api/v1/innovations/" + created,
                Map.of("X-Api-Key", PORTAL_KEY)), a -> a.status() == 200).header("ETag");
        assertThat(etag).isEqualTo("\"1\"");

        Map<String, String> revise = new HashMap<>(portal(UUID.randomUUID().toString()));
        revise.put("If-Match", etag);
        Answer revision = gateway.put("/api/v1/innovations/" + created, revise,
                PROPOSAL.replace("Aplikasi Motor Kancil", "Abang Timah Untuk Bu Disa (revisi)"));
        assertThat(revision.status()).isEqualTo(202);
        Answer applied = awaitProcessed(revision.body().get("submissionId").asString());
        assertThat(applied.body().get("status").asString()).isEqualTo("APPLIED");
        assertThat(applied.body().get("version").asLong()).isEqualTo(2);
        Answer revised = gateway.get("/api/v1/innovations/" + created, Map.of("X-Api-Key", PORTAL_KEY));
        assertThat(revised.body().get("title").asString()).endsWith("(revisi)");
        assertThat(revised.header("ETag")).isEqualTo("\"2\"");

        Map<String, String> stale = new HashMap<>(portal(UUID.randomUUID().toString()));
        stale.put("If-Match", etag);
        Answer conflict = awaitProcessed(gateway.put("/api/v1/innovations/" + created, stale, PROPOSAL
                .replace("Aplikasi Motor Kancil", "Abang Timah (basi)")).body().get("submissionId").asString());
        assertThat(conflict.body().get("status").asString()).isEqualTo("REJECTED");
        assertThat(conflict.body().get("reasons").get(0).asString()).startsWith("CONFLICT");

        Map<String, String> withdraw = new HashMap<>(portal(UUID.randomUUID().toString()));
        withdraw.put("If-Match", "2");
        Answer withdrawal = gateway.post("/api/v1/innovations/" + created + "/withdrawal", withdraw,
                "{\"opdCode\":\"DINKES\",\"reason\":\"Digabung dengan inovasi lain\"}");
        assertThat(awaitProcessed(withdrawal.body().get("submissionId").asString()).body().get("version").asLong())
                .isEqualTo(3);
        assertThat(gateway.get("/api/v1/innovations/" + created, Map.of("X-Api-Key", PORTAL_KEY)).body()
                .get("status").asString()).isEqualTo("WITHDRAWN");
    }

    private static Answer awaitProcessed(String submissionId) {
        return await().atMost(WAIT).until(
                () -> gateway.get("/api/v1/submissions/" + submissionId, Map.of("X-Api-Key", PORTAL_KEY)),
                a -> a.status() == 200 && !"RECEIVED".equals(a.body().get("status").asString()));
    }

    @Test
    @Order(8)
    void everythingSurvivesKillingCatalogServiceAndStatsRebuildsFromTheSnapshots() {
        catalog.kill();
        String key = UUID.randomUUID().toString();
        Answer whileDown = gateway.post("/api/v1/submissions", portal(key),
                PROPOSAL.replace("Aplikasi Motor Kancil", "Smart-in PIRT"));
        assertThat(whileDown.status()).as("intake does not depend on the catalogue").isEqualTo(202);
        String second = whileDown.body().get("innovationId").asString();
        catalog.start().awaitReady(READY);

        Answer first = await().atMost(WAIT).until(() -> gateway.get("/api/v1/innovations/" + innovationId,
                reviewer()), a -> a.status() == 200);
        assertThat(first.body().get("version").asLong()).isEqualTo(1);
        await().atMost(WAIT).until(() -> gateway.get("/api/v1/innovations/" + second, reviewer()).status() == 200);

        stats.kill();
        stats.start().awaitReady(READY);
        Answer rebuilt = await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(
                () -> gateway.get("/api/v1/stats/overview", reviewer()), a -> a.status() == 200);
        assertThat(rebuilt.body().get("total").asLong())
                .as("ready only once caught up: every snapshot is counted at once").isEqualTo(3);
        assertThat(rebuilt.body().get("byStatus").get("WITHDRAWN").asLong()).isEqualTo(1);
    }
}
