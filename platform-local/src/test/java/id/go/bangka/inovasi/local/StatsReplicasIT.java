package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.fixtures.Snapshots;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
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
 * Three stats-service replicas and the gateway as separate processes over a backlog of 40,000 snapshots on a broker of
 * their own. The replicas listen on one port of three loopback addresses (127.0.0.1, .2, .3) and the gateway knows
 * them only as one DNS name resolving to all three (a hosts file of the gateway's JVM), as Compose and Kubernetes name
 * scaled replicas. A replica is out of service while it rebuilds and says how far it is; the gateway sends a replica
 * nothing until it is ready and nothing once it is killed; the replicas answer the same numbers, also after live
 * changes; with no replica ready the gateway answers 503 with Retry-After.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatsReplicasIT {

    private static final int BACKLOG = 40_000;
    private static final int MARKED = 500;
    private static final String OPD = "REPLIKA-" + Integer.toHexString(new Random().nextInt(1 << 20));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String STATS_NAME = "stats.replicas.test";
    private static final int STATS_PORT = TestPlatform.freePort();

    private static final List<UUID> marked = new ArrayList<>();
    private static EmbeddedInfrastructure infrastructure;
    private static Path work;
    private static ServiceProcess first;
    private static ServiceProcess second;
    private static ServiceProcess third;
    private static ServiceProcess gateway;
    private static final Map<ServiceProcess, String> addresses = new HashMap<>();

    @BeforeAll
    static void writeBacklog() throws IOException {
        work = Files.createDirectories(TestPlatform.ROOT.resolve("platform-local/target/stats-replicas"));
        infrastructure = EmbeddedInfrastructure.startNew();
        Random random = new Random(7);
        List<InnovationChanged> backlog = new ArrayList<>(BACKLOG);
        for (int i = 0; i < BACKLOG; i++) {
            boolean ours = i % (BACKLOG / MARKED) == 0;
            UUID id = UUID.randomUUID();
            if (ours) {
                marked.add(id);
            }
            InnovationStatus status = ours ? InnovationStatus.PUBLISHED
                    : InnovationStatus.values()[random.nextInt(InnovationStatus.values().length)];
            backlog.add(snapshot(id, 1, status, ours ? OPD : "OPD-" + random.nextInt(60)));
        }
        Snapshots.publish(infrastructure.kafkaBootstrapServers(), backlog);
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess process : new ServiceProcess[] {gateway, third, second, first}) {
            if (process != null) {
                process.stop();
            }
        }
        if (infrastructure != null) {
            infrastructure.stop();
        }
    }

    @Test
    @Order(1)
    void aReplicaIsOutOfServiceWhileItRebuildsAndSaysHowFarItIs() throws Exception {
        first = stats("stats-a", "127.0.0.1").start();
        List<JsonNode> rebuilding = new ArrayList<>();
        Instant deadline = Instant.now().plus(TestPlatform.readyTimeout());
        int status = 0;
        while (status != 200 && Instant.now().isBefore(deadline)) {
            HttpResponse<String> readiness = readiness(first);
            status = readiness == null ? 0 : readiness.statusCode();
            if (status == 503) {
                rebuilding.add(JSON.readTree(readiness.body()));
            }
            Thread.sleep(readiness == null ? 200 : 20);
        }

        System.out.printf("StatsReplicasIT: %d readiness answers of 503 while the first replica rebuilt%n",
                rebuilding.size());
        assertThat(status).as("ready in time; see " + first.log()).isEqualTo(200);
        assertThat(rebuilding).as("readiness observed while rebuilding").isNotEmpty()
                .allSatisfy(body -> assertThat(body.path("status").asText()).isEqualTo("OUT_OF_SERVICE"))
                .anySatisfy(body -> {
                    JsonNode catchUp = body.path("components").path("readModel");
                    assertThat(catchUp.path("details").path("state").asText()).isEqualTo("reading");
                    assertThat(catchUp.path("details").path("recordsRemaining").asLong()).isPositive();
                });
        assertThat(opdCount(overview(first))).as("every published innovation of the backlog").isEqualTo(MARKED);
    }

    @Test
    @Order(2)
    void theGatewaySendsNothingToAReplicaUntilItIsReadyThenBothAnswerTheSame() throws Exception {
        gateway = gateway().start();
        gateway.awaitReady(TestPlatform.readyTimeout());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> assertThat(opdCount(overview(gateway))).as("the first check found the first")
                        .isEqualTo(MARKED));
        second = stats("stats-b", "127.0.0.2").start();

        int answeredWhileRebuilding = answeredOnlyByReadyReplicasWhileRebuilding(second, MARKED);
        System.out.printf("StatsReplicasIT: %d overviews through the gateway while the second replica rebuilt%n",
                answeredWhileRebuilding);
        assertThat(answeredWhileRebuilding).as("the gateway was asked while the second replica rebuilt")
                .isGreaterThan(5);

        ObjectNode expected = comparable(overview(first));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(comparable(overview(gateway))).isEqualTo(expected);
            return servedOverviews(second) > 0;
        });
        assertThat(comparable(overview(second))).as("the replicas answer alike").isEqualTo(expected);
    }

    @Test
    @Order(3)
    void liveChangesReachBothReplicasAlike() throws Exception {
        List<InnovationChanged> changes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            changes.add(snapshot(UUID.randomUUID(), 1, InnovationStatus.PUBLISHED, OPD));
        }
        changes.add(snapshot(marked.get(0), 2, InnovationStatus.ARCHIVED, OPD));
        changes.add(snapshot(marked.get(1), 1, InnovationStatus.ARCHIVED, OPD));
        Snapshots.publish(infrastructure.kafkaBootstrapServers(), changes);

        int expected = MARKED + 3 - 1;
        for (ServiceProcess replica : List.of(first, second, gateway)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> opdCount(overview(replica)), n -> n == expected);
        }
        assertThat(comparable(overview(second))).isEqualTo(comparable(overview(first)));
    }

    @Test
    @Order(4)
    void aKilledReplicaAndARebuildingOneGetNothingEveryAnswerComesFromAReadyOne() throws Exception {
        int expected = MARKED + 3 - 1;
        third = stats("stats-c", "127.0.0.3").start();
        first.kill();
        long servedBySecond = servedOverviews(second);

        int answered = answeredOnlyByReadyReplicasWhileRebuilding(third, expected);
        System.out.printf("StatsReplicasIT: %d overviews through the gateway with the first replica killed and the "
                + "third rebuilding%n", answered);
        assertThat(answered).as("the gateway was asked while the third replica rebuilt").isGreaterThan(5);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(servedOverviews(second))
                .as("the one ready replica served every answer").isEqualTo(servedBySecond + answered));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(opdCount(overview(gateway))).isEqualTo(expected);
            return servedOverviews(third) > 0;
        });
        assertThat(comparable(overview(third))).as("the third replica, once ready, answers like the second")
                .isEqualTo(comparable(overview(second)));
    }

    @Test
    @Order(5)
    void withNoReplicaReadyTheGatewayAnswers503WithRetryAfter() {
        second.kill();
        third.kill();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + gateway.port() + "/api/v1/stats/overview")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(answer.body()).contains("No replica of the stats-service is ready");
        });
    }

    /**
     * Asks the gateway for the overview until {@code rebuilding} is ready: every answer must count every published
     * innovation of the backlog (a rebuilding replica would answer fewer), and the rebuilding replica must have served
     * none while it was not ready (its own count is read before its readiness, which never goes back to not ready).
     *
     * @return how many answers the gateway gave meanwhile
     */
    private static int answeredOnlyByReadyReplicasWhileRebuilding(ServiceProcess rebuilding, long expected)
            throws Exception {
        int answered = 0;
        long served = servedOverviews(rebuilding);
        HttpResponse<String> readiness = readiness(rebuilding);
        while (readiness == null || readiness.statusCode() != 200) {
            assertThat(served).as("the gateway sent the rebuilding replica nothing").isZero();
            assertThat(opdCount(overview(gateway))).as("never a half-built answer through the gateway")
                    .isEqualTo(expected);
            answered++;
            Thread.sleep(50);
            served = servedOverviews(rebuilding);
            readiness = readiness(rebuilding);
        }
        return answered;
    }

    /** A replica on {@link #STATS_PORT} of this loopback address. */
    private static ServiceProcess stats(String name, String address) {
        Map<String, String> env = new HashMap<>(environment());
        env.put("SERVER_ADDRESS", address);
        ServiceProcess replica = TestPlatform.service("stats-service", STATS_PORT, env, work.resolve(name));
        addresses.put(replica, address);
        return replica;
    }

    /** The gateway, which knows the replicas only as {@link #STATS_NAME}: every address it resolves to. */
    private static ServiceProcess gateway() throws IOException {
        Path clients = Files.writeString(work.resolve("clients.yml"), "inovasi:\n  gateway:\n    clients: []\n");
        Path hosts = Files.writeString(work.resolve("hosts"), "127.0.0.1 " + STATS_NAME + "\n127.0.0.2 "
                + STATS_NAME + "\n127.0.0.3 " + STATS_NAME + "\n");
        Map<String, String> env = new HashMap<>(environment());
        env.put("INOVASI_GATEWAY_CLIENTS_FILE", clients.toString());
        env.put("INOVASI_GATEWAY_HEALTH_CHECK_INTERVAL", "1s");
        env.put("INOVASI_STATS_DNS_NAME", STATS_NAME);
        env.put("INOVASI_STATS_PORT", Integer.toString(STATS_PORT));
        env.put("INOVASI_GATEWAY_RATELIMIT_ANONYMOUS_REQUESTSPERSECOND", "1000");
        env.put("INOVASI_GATEWAY_RATELIMIT_ANONYMOUS_BURST", "2000");
        return TestPlatform.service("gateway", TestPlatform.freePort(), env, work,
                List.of("-Djdk.net.hosts.file=" + hosts));
    }

    private static Map<String, String> environment() {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "MONGODB_URI", infrastructure.mongoUri(),
                "INOVASI_IDENTITY_SECRET", Infrastructure.IDENTITY_SECRET);
    }

    private static InnovationChanged snapshot(UUID id, long version, InnovationStatus status, String opd) {
        Instant submitted = Instant.parse("2024-03-01T00:00:00Z");
        return Snapshots.full(id, version, status, opd, InnovationField.HEALTH, 2024, GovernmentAffair.HEALTH,
                submitted, status == InnovationStatus.SUBMITTED ? null : submitted.plusSeconds(86_400),
                status == InnovationStatus.PUBLISHED || status == InnovationStatus.ARCHIVED
                        ? submitted.plusSeconds(172_800) : null, null);
    }

    private static HttpResponse<String> readiness(ServiceProcess process) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host(process) + ":" + process.port()
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException notListeningYet) {
            return null;
        }
    }

    private static JsonNode overview(ServiceProcess process) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host(process) + ":"
                + process.port() + "/api/v1/stats/overview")).timeout(Duration.ofSeconds(5));
        if (process == gateway) {
            // A reload: every read reaches a replica, which is what these tests count, not the gateway's copy of the
            // public overview (PublicAnswerCacheFilter).
            request.header("Accept", "application/json").header("Cache-Control", "no-cache");
        } else {
            TestIdentities.addTo(request, TestIdentities.anonymous(), "stats-service");
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(process.name() + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static String host(ServiceProcess process) {
        return addresses.getOrDefault(process, "127.0.0.1");
    }

    private static long opdCount(JsonNode overview) {
        return overview.path("byOpd").path(OPD).asLong();
    }

    /** The overview without what legitimately differs between replicas: when and after how many changes. */
    private static ObjectNode comparable(JsonNode overview) {
        ObjectNode copy = (ObjectNode) overview.deepCopy();
        copy.remove(List.of("generation", "asOf"));
        return copy;
    }

    /** Overview requests this replica has served, from its own metrics. */
    private static long servedOverviews(ServiceProcess replica) throws IOException, InterruptedException {
        HttpResponse<String> metric;
        try {
            metric = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host(replica) + ":" + replica.port()
                    + "/actuator/metrics/http.server.requests?tag=uri:/api/v1/stats/overview"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException notListeningYet) {
            return 0;
        }
        if (metric.statusCode() != 200) {
            return 0;
        }
        return JSON.readTree(metric.body()).path("measurements").path(0).path("value").asLong();
    }
}
