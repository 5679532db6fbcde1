package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.standin.MongoStandIns;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local platform's supervision, as {@code ./run-local.sh} sets it up: the broker and each of the four services is
 * killed like {@code kill -9} in turn; each is logged, started again and ready, and nothing accepted before, between
 * or after is lost.
 */
class SupervisionIT {

    private static final Duration RESTART = Duration.ofMinutes(4);
    private static final String PORTAL_KEY = "supervision-portal-" + UUID.randomUUID();
    private static final String REVIEWER_KEY = "supervision-reviewer-" + UUID.randomUUID();

    private static final List<String> said = new CopyOnWriteArrayList<>();
    private static LocalKafka kafka;
    private static MongoServer mongo;
    private static TestPlatform platform;
    private static Supervisor supervisor;
    private static ApiClient gateway;

    @BeforeAll
    static void startSupervisedPlatform() throws IOException {
        Path work = TestPlatform.workDirectory("supervision");
        Processes.deleteRecursively(work.resolve("kafka"));
        kafka = new LocalKafka(work.resolve("kafka"), TestPlatform.freePort(), TestPlatform.freePort());
        kafka.start(Duration.ofSeconds(60));
        mongo = MongoStandIns.inMemory(0);
        Path clients = TestPlatform.portalAndReviewerClients(work, PORTAL_KEY, REVIEWER_KEY, "DINKES");
        platform = TestPlatform.start(new TestPlatform.Addresses(kafka.bootstrapServers(),
                MongoStandIns.uri(mongo)), work, clients, Map.of());
        supervisor = new Supervisor(List.of(kafka, platform.submission, platform.catalog, platform.stats,
                platform.gateway), line -> {
                    said.add(line);
                    System.out.println("[supervisor] " + line);
                }, () -> { });
        gateway = new ApiClient(platform.gatewayUri());
    }

    @AfterAll
    static void stop() {
        if (supervisor != null) {
            supervisor.stop();
        }
        if (platform != null) {
            platform.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }


    @Test
    void eachProcessKilledIsLoggedStartedAgainAndNothingIsLost() {
        List<String> innovations = new ArrayList<>();
        innovations.add(submitAndAwaitApplied("Sebelum semua dimatikan"));

        List<Supervisor.Supervised> victims = List.of(kafka, platform.submission, platform.catalog, platform.stats,
                platform.gateway);
        for (Supervisor.Supervised victim : victims) {
            long before = victim.pid();
            if (victim instanceof ServiceProcess service) {
                service.kill();
            } else {
                kafka.kill();
            }
            await().atMost(RESTART).until(() -> victim.alive() && victim.pid() != before
                    && said.stream().anyMatch(line -> line.startsWith(victim.name() + " is running again")));
            assertThat(said).as("what the supervisor said").anyMatch(line -> line.startsWith(victim.name()
                    + " exited (code "));
            if (victim instanceof ServiceProcess service) {
                service.awaitReady(RESTART);
            }
            innovations.add(submitAndAwaitApplied("Setelah " + victim.name() + " dimatikan"));
        }

        for (String id : innovations) {
            assertThat(gateway.get("/api/v1/innovations/" + id, reviewer()).status()).as(id).isEqualTo(200);
        }
        await().atMost(RESTART).until(() -> {
            Answer overview = gateway.get("/api/v1/stats/overview", reviewer());
            return overview.status() == 200 && overview.body().get("total").asLong() == innovations.size();
        });
    }

    /** Submits through the gateway, retrying while a restarted part is not back yet, and waits until applied. */
    private static String submitAndAwaitApplied(String title) {
        String key = UUID.randomUUID().toString();
        Answer accepted = await().atMost(RESTART).until(() -> gateway.post("/api/v1/submissions",
                Map.of("X-Api-Key", PORTAL_KEY, "Idempotency-Key", key),
                Proposals.json(title + " " + key.substring(0, 8), "DINKES", "HEALTH", 2024)), a -> a.status() == 202);
        String submission = accepted.body().get("submissionId").asString();
        await().atMost(RESTART).until(() -> gateway.get("/api/v1/submissions/" + submission,
                Map.of("X-Api-Key", PORTAL_KEY)), a -> a.status() == 200
                        && "APPLIED".equals(a.body().get("status").asString()));
        return accepted.body().get("innovationId").asString();
    }

    private static Map<String, String> reviewer() {
        return Map.of("X-Api-Key", REVIEWER_KEY);
    }
}
