package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import id.go.bangka.inovasi.standin.MongoStandIns;
import id.go.bangka.inovasi.local.CatalogueAudit.Held;
import id.go.bangka.inovasi.local.CatalogueAudit.Outcome;
import id.go.bangka.inovasi.local.SimulatedPortal.Accepted;
import id.go.bangka.inovasi.local.SimulatedPortal.LoadCounters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite: four simulated OPD portals keep submitting and revising through the gateway, and a reviewer makes
 * review decisions and evidence changes on one portal's innovations, racing its revisions, while catalog-service is
 * killed (kill -9) and restarted, the Kafka broker (a separate process) is stopped for 35 s and started again on the
 * same port with its data, one of two stats-service replicas is killed and restarted, and the gateway is restarted.
 * Afterwards every write that got a 202 must be applied exactly once (a reviewed portal's revision may instead be
 * rejected as stale or as not possible in its status), each reviewed innovation's history must hold its applied
 * revisions at their versions, and the catalogue, the snapshot topic and both stats replicas must agree. Prints the
 * figures at the end.
 */
class FaultSuiteIT {

    private static final int PORTALS = 4;
    private static final double PER_PORTAL_PER_SECOND = 6;
    private static final double REVIEWER_PER_SECOND = 4;
    private static final String REVIEWED_OPD = "DINKES";
    /**
     * Longer than intake holds a write through a leader election (the producers' delivery.timeout.ms, 20 s): only an
     * outage beyond that is answered with 503.
     */
    private static final Duration BROKER_DOWN = Duration.ofSeconds(35);
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final String REVIEWER_KEY = "fault-reviewer-" + UUID.randomUUID();
    private static final List<String> OPDS = List.of("DINKES", "DINSOS", "DISDIK", "BAPPEDA");

    private static final Map<String, String> portalKeys = new TreeMap<>();
    private static Path work;
    private static LocalKafka kafka;
    private static MongoServer mongo;
    private static TestPlatform platform;

    @BeforeAll
    static void startPlatform() throws IOException {
        work = Files.createDirectories(TestPlatform.ROOT.resolve("platform-local/target/faults"));
        Processes.deleteRecursively(work.resolve("kafka"));
        kafka = new LocalKafka(work.resolve("kafka"), TestPlatform.freePort(), TestPlatform.freePort());
        kafka.start(Duration.ofSeconds(60));
        mongo = MongoStandIns.inMemory(0);
        String mongoUri = MongoStandIns.uri(mongo);
        StringBuilder clients = new StringBuilder("inovasi:\n  gateway:\n    clients:\n");
        for (int i = 0; i < PORTALS; i++) {
            String key = "fault-portal-" + i + "-" + UUID.randomUUID();
            portalKeys.put(OPDS.get(i), key);
            clients.append("      - id: portal-").append(OPDS.get(i).toLowerCase()).append('\n')
                    .append("        roles: [portal]\n")
                    .append("        opd-codes: [").append(OPDS.get(i)).append("]\n")
                    .append("        key-sha256: [").append(LocalPlatform.sha256(key)).append("]\n");
        }
        clients.append("      - id: fault-reviewer\n        roles: [reviewer]\n        key-sha256: [")
                .append(LocalPlatform.sha256(REVIEWER_KEY)).append("]\n");
        Path clientsFile = Files.writeString(work.resolve("clients.yml"), clients);
        platform = TestPlatform.start(new TestPlatform.Addresses(kafka.bootstrapServers(), mongoUri), work,
                clientsFile, Map.of(), Map.of(), 2);
    }


    @AfterAll
    static void stopPlatform() {
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
    void everyAcceptedWriteIsAppliedExactlyOnceThroughCrashesAndABrokerOutage() throws Exception {
        Instant started = Instant.now();
        SimulatedReviewer.Targets reviewedInnovations = new SimulatedReviewer.Targets();
        PortalLoad load = new PortalLoad(portalKeys, platform.gatewayUri(), PER_PORTAL_PER_SECOND, REVIEWED_OPD,
                reviewedInnovations);
        LoadCounters counters = load.counters();
        SimulatedReviewer reviewer = new SimulatedReviewer(platform.gatewayUri(), REVIEWER_KEY,
                portalKeys.get(REVIEWED_OPD), reviewedInnovations, REVIEWER_PER_SECOND, load.running());
        load.start("reviewer", reviewer);

        phase("steady load");
        ServiceProcess.sleep(15_000);
        phase("kill -9 catalog-service");
        platform.catalog.kill();
        ServiceProcess.sleep(3_000);
        platform.catalog.start().awaitReady(TestPlatform.readyTimeout());
        phase("catalog-service ready again");
        ServiceProcess.sleep(10_000);

        int unavailableBefore = counters.count(503);
        phase("stop the Kafka broker for " + BROKER_DOWN.toSeconds() + " s");
        kafka.stop();
        ServiceProcess.sleep(BROKER_DOWN.toMillis());
        int unavailableWhileDown = counters.count(503) - unavailableBefore;
        kafka.start(Duration.ofSeconds(60));
        phase("broker started again");
        ServiceProcess.sleep(15_000);

        ServiceProcess replica = platform.statsReplicas.get(1);
        phase("kill -9 the second stats-service replica");
        replica.kill();
        ServiceProcess.sleep(2_000);
        replica.start().awaitReady(TestPlatform.readyTimeout());
        phase("stats replica ready again");
        ServiceProcess.sleep(5_000);

        phase("restart the gateway");
        platform.gateway.stop();
        platform.gateway.start().awaitReady(TestPlatform.readyTimeout());
        phase("gateway ready again");
        ServiceProcess.sleep(10_000);

        load.stop();
        Duration loadTook = Duration.between(started, Instant.now());
        phase("load stopped after " + loadTook.toSeconds() + " s; checking");

        List<Accepted> accepted = load.accepted();
        List<String> refused = load.refused();
        CatalogueAudit audit = new CatalogueAudit(platform, kafka.bootstrapServers());
        Map<String, Outcome> outcomes = audit.awaitSettled(accepted, SETTLE);
        Map<String, Long> expectedVersions = CatalogueAudit.expectedVersions(accepted);
        List<Held> catalogue = audit.catalogue();
        Map<String, Held> byId = catalogue.stream().collect(Collectors.toMap(Held::id, Function.identity()));
        Map<String, Held> snapshots = audit.lastSnapshots();

        long lost = accepted.stream().filter(a -> !applied(a, outcomes.get(a.submissionId()))).count();
        long duplicated = CatalogueAudit.duplicated(catalogue, expectedVersions.keySet());
        List<String> wrongVersion = CatalogueAudit.wrongVersions(expectedVersions, byId,
                Set.copyOf(reviewedInnovations.created()));
        List<String> versionGaps = versionGaps(accepted.stream().filter(a -> !a.reviewed()).toList(), outcomes);
        List<String> historyMismatches = historyMismatches(audit, accepted, outcomes, byId);
        long reviewedRevisions = accepted.stream().filter(a -> a.reviewed() && a.expectedVersion() > 1).count();
        long staleRevisions = accepted.stream().filter(a -> a.reviewed() && a.expectedVersion() > 1)
                .filter(a -> "REJECTED".equals(outcomes.get(a.submissionId()).status())).count();
        List<String> snapshotMismatches = catalogue.stream()
                .filter(h -> !new Held(h.id(), h.version(), h.status(), h.opdCode(), null)
                        .equals(snapshots.get(h.id())))
                .map(h -> h.id() + " catalogue v" + h.version() + " " + h.status() + ", snapshot "
                        + snapshots.get(h.id()))
                .toList();
        Map<String, Long> perOpd = expectedVersions.keySet().stream().map(byId::get)
                .filter(h -> h != null).collect(Collectors.groupingBy(Held::opdCode, TreeMap::new,
                        Collectors.counting()));
        Map<String, Long> perStatus = catalogue.stream().collect(Collectors.groupingBy(Held::status, TreeMap::new,
                Collectors.counting()));
        List<String> statsDisagreements = awaitStatsAgree(audit, expectedVersions.size(), perOpd, perStatus);

        long creates = accepted.stream().filter(a -> a.expectedVersion() == 1).count();
        String figures = """

                ===================== FAULT SUITE FIGURES =====================
                load                      %d portals, %d s, target %.0f writes/s
                accepted (202)            %d  (%d creates, %d revisions)
                reviewed revisions        %d  (%d rejected as stale or not revisable)
                reviewer answers          %s
                statuses in catalogue     %s
                retried attempts          %d
                503 answers               %d  (%d while the broker was down; %d without Retry-After)
                status histogram          %s
                connection errors         %d
                refused (non-retryable)   %d
                applied                   %d
                lost                      %d
                duplicated                %d
                innovations               catalogue %d, snapshot topic %d, expected %d
                stats replicas            %s
                ================================================================
                """.formatted(PORTALS, loadTook.toSeconds(), PORTALS * PER_PORTAL_PER_SECOND, accepted.size(),
                creates, accepted.size() - creates, reviewedRevisions, staleRevisions,
                new TreeMap<>(reviewer.answers()), perStatus, counters.retried().get(), counters.count(503),
                unavailableWhileDown, counters.unavailableWithoutRetryAfter().get(), new TreeMap<>(counters
                        .statuses()), counters.connectionErrors().get(), refused.size(),
                outcomes.values().stream().filter(o -> "APPLIED".equals(o.status())).count(), lost, duplicated,
                catalogue.size(), snapshots.size(), expectedVersions.size(),
                statsDisagreements.isEmpty() ? "both agree with the count" : statsDisagreements);
        System.out.println(figures);
        Files.writeString(work.resolve("figures.txt"), figures);

        assertThat(lost).as("accepted writes not applied").isZero();
        assertThat(duplicated).as("duplicated innovations").isZero();
        assertThat(refused).as("writes answered with a non-retryable status").isEmpty();
        assertThat(unavailableWhileDown).as("503s while the broker was down").isPositive();
        assertThat(counters.unavailableWithoutRetryAfter().get()).as("503s without Retry-After").isZero();
        assertThat(wrongVersion).as("innovations whose version is not 1 + its accepted revisions").isEmpty();
        assertThat(versionGaps).as("revisions applied as consecutive versions").isEmpty();
        assertThat(historyMismatches).as("reviewed innovations' histories hold their applied revisions").isEmpty();
        assertThat(reviewer.answers().keySet()).as("the reviewer changed innovations")
                .contains("REQUEST_REVISION 200", "EVIDENCE 200");
        assertThat(snapshotMismatches).as("last snapshot per key equals the catalogue").isEmpty();
        assertThat(snapshots.keySet()).as("no snapshot of an unknown innovation")
                .isEqualTo(byId.keySet());
        assertThat(statsDisagreements).as("both stats replicas agree with the count").isEmpty();
    }

    /**
     * Whether an accepted write was processed as it must be: applied at the version it makes, or, for a reviewed
     * portal's revision, applied after the version it read or rejected because a reviewer's change came first.
     */
    private static boolean applied(Accepted accepted, Outcome outcome) {
        if (outcome == null) {
            return false;
        }
        if (accepted.reviewed() && accepted.expectedVersion() > 1) {
            return "APPLIED".equals(outcome.status()) && outcome.version() == accepted.expectedVersion()
                    || "REJECTED".equals(outcome.status()) && outcome.reason() != null
                    && (outcome.reason().startsWith("CONFLICT") || outcome.reason().startsWith("INVALID_STATE"));
        }
        return "APPLIED".equals(outcome.status()) && outcome.version() == accepted.expectedVersion();
    }

    /**
     * Reviewed innovations whose audit trail is not versions 1..n with n the catalogue's version, or does not name
     * each applied write of the portal at the version its outcome says (and no other submission).
     */
    private static List<String> historyMismatches(CatalogueAudit audit, List<Accepted> accepted,
            Map<String, Outcome> outcomes, Map<String, Held> byId) {
        Map<String, List<Accepted>> reviewed = accepted.stream().filter(Accepted::reviewed)
                .collect(Collectors.groupingBy(Accepted::innovationId));
        List<String> mismatches = new ArrayList<>();
        reviewed.forEach((id, writes) -> {
            List<CatalogueAudit.Change> history = audit.history(id);
            Map<String, Long> appliedAt = new TreeMap<>();
            history.stream().filter(c -> c.submissionId() != null)
                    .forEach(c -> appliedAt.put(c.submissionId(), c.version()));
            Map<String, Long> expected = new TreeMap<>();
            writes.stream().filter(a -> "APPLIED".equals(outcomes.get(a.submissionId()).status()))
                    .forEach(a -> expected.put(a.submissionId(), outcomes.get(a.submissionId()).version()));
            List<Long> versions = history.stream().map(CatalogueAudit.Change::version).toList();
            boolean consecutive = byId.get(id) != null && versions.size() == byId.get(id).version();
            for (int i = 0; consecutive && i < versions.size(); i++) {
                consecutive = versions.get(i) == i + 1;
            }
            if (!consecutive || !appliedAt.equals(expected)) {
                mismatches.add(id + " history versions " + versions + ", submissions " + appliedAt
                        + ", applied outcomes " + expected);
            }
        });
        return mismatches;
    }

    /** Innovations whose applied versions are not exactly 1, 2, ... n in the order the portal wrote them. */
    private static List<String> versionGaps(List<Accepted> accepted, Map<String, Outcome> outcomes) {
        return accepted.stream().collect(Collectors.groupingBy(Accepted::innovationId)).entrySet().stream()
                .filter(e -> {
                    List<Long> versions = e.getValue().stream()
                            .map(a -> outcomes.get(a.submissionId()).version()).sorted().toList();
                    for (int i = 0; i < versions.size(); i++) {
                        if (versions.get(i) != i + 1) {
                            return true;
                        }
                    }
                    return false;
                })
                .map(e -> e.getKey() + " " + e.getValue().stream().sorted(Comparator.comparing(
                        Accepted::expectedVersion)).map(a -> outcomes.get(a.submissionId())).toList())
                .toList();
    }

    /** Waits until both stats replicas count what the catalogue holds; returns the disagreements left. */
    private static List<String> awaitStatsAgree(CatalogueAudit audit, long total, Map<String, Long> perOpd,
            Map<String, Long> perStatus) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            List<String> disagreements = new ArrayList<>();
            for (ServiceProcess replica : platform.statsReplicas) {
                JsonNode overview = audit.overview(replica);
                Map<String, Long> byOpd = new TreeMap<>();
                overview.path("byOpd").properties().forEach(e -> byOpd.put(e.getKey(), e.getValue().asLong()));
                Map<String, Long> byStatus = new TreeMap<>();
                overview.path("byStatus").properties().forEach(e -> {
                    if (e.getValue().asLong() > 0) {
                        byStatus.put(e.getKey(), e.getValue().asLong());
                    }
                });
                if (overview.path("total").asLong(-1) != total || !byOpd.equals(perOpd)
                        || !byStatus.equals(perStatus)) {
                    disagreements.add("replica :" + replica.port() + " total " + overview.path("total")
                            + " byOpd " + byOpd + " byStatus " + overview.path("byStatus"));
                }
            }
            if (disagreements.isEmpty() || Instant.now().isAfter(deadline)) {
                return disagreements;
            }
            ServiceProcess.sleep(2_000);
        }
    }

    private static void phase(String what) {
        System.out.println("[fault-suite " + Instant.now() + "] " + what);
    }
}
