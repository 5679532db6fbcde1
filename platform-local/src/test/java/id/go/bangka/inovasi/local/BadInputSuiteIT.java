package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.local.MalformedRequests.Probe;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.TopicProbe;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad-input suite: thousands of generated malformed requests (seeded, so every run sends the same) through the
 * gateway to every write and query endpoint, each with the identity the endpoint expects. Every answer must be a 4xx
 * {@code application/problem+json} problem, nothing may be stored, and every service must stay healthy. Prints a
 * table of endpoints, requests and status histograms.
 */
class BadInputSuiteIT {

    private static final long SEED = 20261127L;
    /** Requests in flight at once: enough to keep both cores busy (client, gateway and service take turns). */
    private static final int SENDERS = 4;
    private static final String PORTAL_KEY = "bad-input-portal-" + UUID.randomUUID();
    private static final String REVIEWER_KEY = "bad-input-reviewer-" + UUID.randomUUID();
    private static final String INDICATOR = "16";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path WORK = TestPlatform.workDirectory("bad-input");

    private static EmbeddedInfrastructure infrastructure;
    private static TestPlatform platform;
    private static ApiClient gateway;

    @BeforeAll
    static void startPlatform() {
        Path clients = TestPlatform.portalAndReviewerClients(WORK, PORTAL_KEY, REVIEWER_KEY);
        infrastructure = EmbeddedInfrastructure.startNew();
        platform = TestPlatform.start(infrastructure, WORK, clients,
                Map.of("INOVASI_GATEWAY_RATELIMIT_ENABLED", "false"));
        gateway = new ApiClient(platform.gatewayUri());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.stop();
        }
        if (infrastructure != null) {
            infrastructure.stop();
        }
    }

    /** What is stored, before and after the malformed requests. */
    private record Stored(long catalogueTotal, String innovation, String evidence, int submissionRecords,
            int snapshotRecords) {
    }

    /** One answer, reduced to what the suite checks. */
    private record Reply(int status, String contentType, JsonNode body) {

        boolean isProblem() {
            return status >= 400 && status < 500 && contentType != null
                    && contentType.startsWith("application/problem+json") && body != null && body.isObject()
                    && body.path("status").asInt() == status && body.hasNonNull("title");
        }
    }

    @Test
    void everyMalformedRequestIsA4xxProblemAndNothingIsStored() throws Exception {
        String innovationId = anInnovationWithEvidence();
        long version = gateway.get("/api/v1/innovations/" + innovationId, reviewer()).body().get("version").asLong();
        Stored before = stored(innovationId);

        List<Probe> probes = new MalformedRequests(SEED, innovationId, INDICATOR, version, portal(), reviewer()).all();
        Map<String, Map<Integer, Integer>> histograms = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant started = Instant.now();
        List<Reply> replies = sendAll(http, probes);
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            Reply reply = replies.get(i);
            histograms.computeIfAbsent(probe.endpoint(), e -> new TreeMap<>()).merge(reply.status(), 1, Integer::sum);
            if (!reply.isProblem()) {
                failures.add(reply.status() + " " + reply.contentType() + " for " + probe.method() + " "
                        + abbreviate(probe.path()) + " body " + abbreviate(probe.body() == null ? ""
                                : new String(probe.body(), 0, Math.min(probe.body().length, 300)))
                        + " -> " + abbreviate(String.valueOf(reply.body())));
            }
        }
        Duration took = Duration.between(started, Instant.now());
        Stored after = stored(innovationId);
        Map<String, String> health = health();

        String table = table(histograms, probes.size(), took, failures.size(), health);
        System.out.println(table);
        Files.writeString(WORK.resolve("summary.txt"), table + String.join("\n", failures));

        assertThat(histograms.values()).as("requests per endpoint")
                .allSatisfy(h -> assertThat(h.values().stream().mapToInt(Integer::intValue).sum())
                        .isGreaterThanOrEqualTo(MalformedRequests.PER_ENDPOINT));
        assertThat(failures).as("answers that are not a 4xx problem").isEmpty();
        assertThat(after).as("nothing stored: catalogue, the innovation, its evidence, both topics")
                .isEqualTo(before);
        assertThat(health).as("every service healthy afterwards").allSatisfy((service, status) ->
                assertThat(status).isEqualTo("UP"));
    }

    private static String anInnovationWithEvidence() {
        Map<String, String> create = new LinkedHashMap<>(portal());
        create.put("Idempotency-Key", UUID.randomUUID().toString());
        Answer accepted = gateway.post("/api/v1/submissions", create,
                Proposals.json("Aplikasi Sehat Bersama", "DINKES", "HEALTH", 2023));
        assertThat(accepted.status()).isEqualTo(202);
        String innovationId = accepted.body().get("innovationId").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/innovations/" + innovationId,
                portal()).status() == 200);
        Answer declared = gateway.put("/api/v1/innovations/" + innovationId + "/evidence/" + INDICATOR, portal(),
                "{\"parameter\":2,\"links\":[\"https://bappeda.bangka.go.id/bukti.pdf\"]}");
        assertThat(declared.status()).as("evidence declared: %s", declared.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/stats/overview", reviewer())
                .body().path("total").asLong() == 1);
        // The catalogue's total comes from its search index, a read model of its own that may count the snapshot a
        // moment after stats does: "before" must be taken once both have it.
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/innovations?withFacets=false",
                reviewer()).body().path("total").asLong() == 1);
        return innovationId;
    }

    private static Stored stored(String innovationId) {
        long total = gateway.get("/api/v1/innovations?withFacets=false", reviewer()).body().get("total").asLong();
        String innovation = gateway.get("/api/v1/innovations/" + innovationId, reviewer()).body().toString();
        String evidence = gateway.get("/api/v1/innovations/" + innovationId + "/evidence", reviewer()).body()
                .toString();
        String servers = infrastructure.kafkaBootstrapServers();
        int submissions = TopicProbe.collect(servers, Topics.SUBMISSIONS, r -> true, Duration.ofSeconds(4)).size();
        int snapshots = TopicProbe.collect(servers, Topics.CATALOG, r -> true, Duration.ofSeconds(4)).size();
        return new Stored(total, innovation, evidence, submissions, snapshots);
    }

    private static Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        for (ServiceProcess service : List.of(platform.gateway, platform.submission, platform.catalog,
                platform.stats)) {
            Answer answer = new ApiClient("http://127.0.0.1:" + service.port()).get("/actuator/health", Map.of());
            health.put(service.name(), answer.body().path("status").asString());
        }
        return health;
    }

    /**
     * Sends every probe, {@value #SENDERS} at a time (malformed requests store nothing, so their order does not
     * matter), and returns the replies in the probes' order.
     */
    private static List<Reply> sendAll(HttpClient http, List<Probe> probes) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<Reply>> sent = new ArrayList<>();
            for (Probe probe : probes) {
                sent.add(senders.submit(() -> send(http, probe)));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : sent) {
                replies.add(reply.get(2, TimeUnit.MINUTES));
            }
            return replies;
        } finally {
            senders.shutdownNow();
        }
    }

    private static Reply send(HttpClient http, Probe probe) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUri() + probe.path()))
                .timeout(Duration.ofSeconds(30))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        probe.headers().forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                body = JSON.getNodeFactory().textNode(new String(response.body()));
            }
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    body);
        } catch (IOException e) {
            return new Reply(0, null, JSON.getNodeFactory().textNode("no answer: " + e));
        }
    }

    private static String table(Map<String, Map<Integer, Integer>> histograms, int total, Duration took,
            int failures, Map<String, String> health) {
        StringBuilder table = new StringBuilder("\n======================== BAD-INPUT SUITE ========================\n");
        table.append("%-62s %8s  %s%n".formatted("endpoint", "requests", "status histogram"));
        histograms.forEach((endpoint, histogram) -> table.append("%-62s %8d  %s%n".formatted(endpoint,
                histogram.values().stream().mapToInt(Integer::intValue).sum(), histogram)));
        Map<Integer, Integer> all = new TreeMap<>();
        histograms.values().forEach(h -> h.forEach((status, n) -> all.merge(status, n, Integer::sum)));
        table.append("%-62s %8d  %s%n".formatted("all", total, all));
        table.append("seed %d, %d s, not a 4xx problem: %d, health afterwards: %s%n".formatted(SEED,
                took.toSeconds(), failures, health));
        return table.append("=================================================================\n").toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    private static Map<String, String> portal() {
        return Map.of("X-Api-Key", PORTAL_KEY);
    }

    private static Map<String, String> reviewer() {
        return Map.of("X-Api-Key", REVIEWER_KEY);
    }
}
