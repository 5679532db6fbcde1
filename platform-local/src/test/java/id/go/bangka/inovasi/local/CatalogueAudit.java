package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

/**
 * What the platform holds after a test, read around the gateway: submission outcomes from submission-service, every
 * innovation from catalog-service (as a reviewer), the last snapshot per key of the catalogue topic with a plain
 * consumer, and each stats replica's overview.
 */
final class CatalogueAudit {

    private static final String AUDITOR = "fault-suite-auditor";

    /** One innovation as the catalogue or its last snapshot has it. */
    record Held(String id, long version, String status, String opdCode, String title) {
    }

    /**
     * One submission's outcome.
     *
     * @param status  RECEIVED, APPLIED or REJECTED (or the HTTP status when there was no answer body)
     * @param version the version it made, when APPLIED
     * @param reason  the first reason, when REJECTED
     */
    record Outcome(String status, long version, String reason) {
    }

    /**
     * One entry of an innovation's audit trail.
     *
     * @param version      the version it made
     * @param submissionId the submission applied, for portal actions
     */
    record Change(long version, String submissionId) {
    }

    private final TestPlatform platform;
    private final String bootstrapServers;

    CatalogueAudit(TestPlatform platform, String bootstrapServers) {
        this.platform = platform;
        this.bootstrapServers = bootstrapServers;
    }

    /** The outcome of each submission, asked four at a time. */
    Map<String, Outcome> outcomes(List<String> submissionIds) {
        ApiClient submission = direct(platform.submission);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, Future<Outcome>> asked = new HashMap<>();
            submissionIds.forEach(id -> asked.put(id, pool.submit(() -> {
                Answer answer = submission.get("/api/v1/submissions/" + id, TestIdentities.reviewer(AUDITOR));
                return answer.status() == 200 ? new Outcome(answer.body().get("status").asString(),
                        answer.body().path("version").asLong(0), text(answer.body().path("reasons").path(0)))
                        : new Outcome("HTTP " + answer.status(), 0, null);
            })));
            Map<String, Outcome> outcomes = new HashMap<>();
            for (Map.Entry<String, Future<Outcome>> entry : asked.entrySet()) {
                outcomes.put(entry.getKey(), entry.getValue().get());
            }
            return outcomes;
        } catch (Exception e) {
            throw new IllegalStateException("Asking for submission outcomes failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits at most {@code within} until no accepted write is still RECEIVED; returns the outcomes then. */
    Map<String, Outcome> awaitSettled(List<SimulatedPortal.Accepted> accepted, Duration within) {
        Instant deadline = Instant.now().plus(within);
        List<String> pending = accepted.stream().map(SimulatedPortal.Accepted::submissionId).toList();
        Map<String, Outcome> outcomes = new HashMap<>();
        while (true) {
            outcomes.putAll(outcomes(pending));
            pending = pending.stream().filter(id -> "RECEIVED".equals(outcomes.get(id).status())
                    || outcomes.get(id).status().startsWith("HTTP")).toList();
            if (pending.isEmpty() || Instant.now().isAfter(deadline)) {
                return outcomes;
            }
            ServiceProcess.sleep(2_000);
        }
    }

    /** The version each innovation must have once every accepted write is applied: that of its last one. */
    static Map<String, Long> expectedVersions(List<SimulatedPortal.Accepted> accepted) {
        return accepted.stream().collect(Collectors.toMap(SimulatedPortal.Accepted::innovationId,
                SimulatedPortal.Accepted::expectedVersion, Math::max));
    }

    /** Innovations (but the skipped ones) the catalogue does not hold at their expected version, described. */
    static List<String> wrongVersions(Map<String, Long> expectedVersions, Map<String, Held> catalogueById,
            Set<String> skipped) {
        return expectedVersions.entrySet().stream()
                .filter(e -> !skipped.contains(e.getKey()))
                .filter(e -> catalogueById.get(e.getKey()) == null
                        || catalogueById.get(e.getKey()).version() != e.getValue())
                .map(e -> e.getKey() + " expected v" + e.getValue() + ", catalogue " + catalogueById.get(e.getKey()))
                .toList();
    }

    /**
     * Innovations too many in the catalogue: each title held more than once counts its extra copies, and each
     * innovation no accepted write made counts once.
     */
    static long duplicated(List<Held> catalogue, Set<String> acceptedInnovations) {
        return catalogue.stream().collect(Collectors.groupingBy(Held::title, Collectors.counting()))
                .values().stream().mapToLong(n -> n - 1).sum()
                + catalogue.stream().filter(h -> !acceptedInnovations.contains(h.id())).count();
    }

    /** Every innovation of the catalogue, page by page. */
    List<Held> catalogue() {
        ApiClient catalog = direct(platform.catalog);
        List<Held> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Answer answer = catalog.get("/api/v1/innovations?sort=OLDEST&withFacets=false&size=100&page=" + page,
                    TestIdentities.reviewer(AUDITOR));
            if (answer.status() != 200) {
                throw new IllegalStateException("Catalogue page " + page + ": " + answer.status() + " "
                        + answer.body());
            }
            JsonNode items = answer.body().get("items");
            items.forEach(item -> all.add(new Held(item.get("id").asString(), item.get("version").asLong(),
                    item.get("status").asString(), item.get("opdCode").asString(), item.get("title").asString())));
            if (items.size() < 100) {
                return all;
            }
        }
    }

    /** The audit trail of an innovation, oldest first. */
    List<Change> history(String innovationId) {
        Answer answer = direct(platform.catalog).get("/api/v1/innovations/" + innovationId + "/history",
                TestIdentities.reviewer(AUDITOR));
        List<Change> changes = new ArrayList<>();
        answer.body().forEach(entry -> changes.add(new Change(entry.get("version").asLong(),
                text(entry.path("submissionId")))));
        return changes;
    }

    /** The last snapshot of each innovation on the catalogue topic (by offset), read from the beginning. */
    Map<String, Held> lastSnapshots() {
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.collect(bootstrapServers, Topics.CATALOG,
                r -> r.value() != null, Duration.ofSeconds(10));
        Map<String, Held> last = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            InnovationChanged snapshot = EventCodec.decode(record.value(), InnovationChanged.class);
            Held held = new Held(snapshot.innovationId().toString(), snapshot.version(), snapshot.status().name(),
                    snapshot.opdCode(), null);
            last.put(record.key(), held);
        }
        return last;
    }

    /** The overview of one stats replica, as a reviewer sees it. */
    JsonNode overview(ServiceProcess statsReplica) {
        return direct(statsReplica).get("/api/v1/stats/overview", TestIdentities.reviewer(AUDITOR)).body();
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private static ApiClient direct(ServiceProcess service) {
        return new ApiClient("http://127.0.0.1:" + service.port(), service.name());
    }
}
