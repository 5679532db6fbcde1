package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.local.CatalogueAudit.Held;
import id.go.bangka.inovasi.local.CatalogueAudit.Outcome;
import id.go.bangka.inovasi.local.SimulatedPortal.Accepted;
import id.go.bangka.inovasi.local.SimulatedPortal.LoadCounters;
import id.go.bangka.inovasi.standin.MongoStandIns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broker failover under load: three Kafka brokers as processes ({@link LocalKafkaCluster}, three controller voters,
 * replication factor 3 and {@code min.insync.replicas=2} everywhere, topics created explicitly, the binder's topic
 * creation off), the MongoDB stand-in and the four services. Four simulated OPD portals submit and revise through the
 * gateway; a broker leading partitions of {@code inovasi.submissions.v1} is killed (kill -9) mid-load and stays dead:
 * the active controller when it leads any (the longest failover: a controller election first), else the broker
 * leading most. Every write answered 202 must be APPLIED at the version it makes, none twice, and intake may answer
 * 503 for less than {@link #UNAVAILABLE_BOUND} in all. Prints the figures and writes them to
 * {@code platform-local/target/failover/figures.txt}.
 */
class BrokerFailoverIT {

    private static final int PORTALS = 4;
    private static final double PER_PORTAL_PER_SECOND = 6;
    private static final List<String> OPDS = List.of("DINKES", "DINSOS", "DISDIK", "BAPPEDA");
    /** Writes accepted before the kill, and again after the failover, so the kill lands mid-load. */
    private static final int ACCEPTED_BEFORE_KILL = 120;
    private static final int ACCEPTED_AFTER_FAILOVER = 120;
    /**
     * The longest intake may answer 503 in all (from the first 503 to the last): the broker's session timeout (9 s),
     * after which the controller fences the dead broker and moves its leaderships. Intake holds each write for up to
     * the producers' delivery.timeout.ms (20 s), longer than that election, so a 503 beyond it would mean the
     * failover is not waited for. docs/operations.md, "Broker failover".
     */
    private static final Duration UNAVAILABLE_BOUND = Duration.ofSeconds(9);
    private static final Duration SETTLE = Duration.ofSeconds(120);

    private static final Map<String, String> portalKeys = new TreeMap<>();
    private static Path work;
    private static LocalKafkaCluster kafka;
    private static MongoServer mongo;
    private static TestPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        work = TestPlatform.workDirectory("failover");
        Processes.deleteRecursively(work.resolve("kafka"));
        kafka = new LocalKafkaCluster(work.resolve("kafka"),
                List.of(TestPlatform.freePort(), TestPlatform.freePort(), TestPlatform.freePort()),
                List.of(TestPlatform.freePort(), TestPlatform.freePort(), TestPlatform.freePort()));
        kafka.start(Duration.ofSeconds(120));
        mongo = MongoStandIns.inMemory(0);
        List<TestPlatform.Client> clients = new ArrayList<>();
        for (int i = 0; i < PORTALS; i++) {
            String key = "failover-portal-" + i + "-" + UUID.randomUUID();
            portalKeys.put(OPDS.get(i), key);
            clients.add(new TestPlatform.Client("portal-" + OPDS.get(i).toLowerCase(), "portal",
                    List.of(OPDS.get(i)), key));
        }
        platform = TestPlatform.start(new TestPlatform.Addresses(kafka.bootstrapServers(),
                MongoStandIns.uri(mongo)), work, TestPlatform.clientsFile(work, clients), Map.of(), Map.of(
                        "SPRING_CLOUD_STREAM_KAFKA_BINDER_AUTOCREATETOPICS", "false",
                        "KAFKA_REPLICATION_FACTOR", Integer.toString(LocalKafkaCluster.REPLICATION_FACTOR)), 1);
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
    void killingTheSubmissionsLeaderLosesAndDuplicatesNothing() throws Exception {
        PortalLoad load = new PortalLoad(portalKeys, platform.gatewayUri(), PER_PORTAL_PER_SECOND, null, null);
        LoadCounters counters = load.counters();
        Instant started = Instant.now();
        await("writes accepted before the kill").atMost(Duration.ofMinutes(2))
                .until(() -> counters.count(202) >= ACCEPTED_BEFORE_KILL);
        Failover failover;
        try (Admin admin = kafka.admin()) {
            Map<Integer, List<Integer>> partitionsByLeader = partitionsByLeader(admin);
            int controller = admin.describeMetadataQuorum().quorumInfo().get().leaderId();
            int leader = partitionsByLeader.containsKey(controller) ? controller
                    : partitionsByLeader.entrySet().stream().max(Map.Entry.comparingByValue(
                            (a, b) -> Integer.compare(a.size(), b.size()))).orElseThrow().getKey();
            int acceptedAtKill = counters.count(202);
            phase("kill -9 broker " + leader + ", leader of partitions " + partitionsByLeader.get(leader)
                    + " of " + Topics.SUBMISSIONS + (leader == controller ? " and the active controller" : "")
                    + ", after " + acceptedAtKill + " accepted writes");
            Instant killed = Instant.now();
            kafka.node(leader).kill();
            await("new leaders of the dead broker's partitions").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> partitionsByLeader(admin).keySet().stream().noneMatch(l -> l == leader || l < 0));
            Duration election = Duration.between(killed, Instant.now());
            phase("partitions led by " + partitionsByLeader(admin) + " after " + election.toMillis() + " ms");
            failover = new Failover(leader, partitionsByLeader.get(leader), leader == controller, election);
            await("writes accepted after the failover").atMost(Duration.ofMinutes(3))
                    .until(() -> counters.count(202) >= acceptedAtKill + ACCEPTED_AFTER_FAILOVER);
        }
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
        List<String> lost = accepted.stream().filter(a -> !applied(a, outcomes.get(a.submissionId())))
                .map(a -> a.submissionId() + " " + outcomes.get(a.submissionId())).toList();
        long duplicated = CatalogueAudit.duplicated(catalogue, expectedVersions.keySet());
        List<String> wrongVersion = CatalogueAudit.wrongVersions(expectedVersions, byId, Set.of());
        List<String> underReplicated;
        try (Admin admin = kafka.admin()) {
            underReplicated = notReplicatedAsRequired(admin);
        }

        long creates = accepted.stream().filter(a -> a.expectedVersion() == 1).count();
        String figures = """

                ===================== BROKER FAILOVER FIGURES =====================
                cluster                   3 brokers (3 controller voters), RF %d, min.insync.replicas %d
                load                      %d portals, %d s, target %.0f writes/s
                killed                    broker %d (kill -9), leader of %d of %d partitions of %s%s
                new leaders after         %d ms (from the kill until no partition names the dead broker)
                accepted (202)            %d  (%d creates, %d revisions)
                longest 202               %d ms (a write intake held through the failover)
                retried attempts          %d
                503 answers               %d  (for %d ms from first to last; bound %d s; %d without Retry-After)
                status histogram          %s
                connection errors         %d
                refused (non-retryable)   %d
                applied                   %d
                lost                      %d
                duplicated                %d
                topics not RF 3 / ISR 2   %s
                ===================================================================
                """.formatted(LocalKafkaCluster.REPLICATION_FACTOR, LocalKafkaCluster.MIN_INSYNC_REPLICAS, PORTALS,
                loadTook.toSeconds(), PORTALS * PER_PORTAL_PER_SECOND, failover.broker(),
                failover.partitions().size(), Topics.PARTITIONS, Topics.SUBMISSIONS,
                failover.controller() ? " and the active controller" : "", failover.election().toMillis(),
                accepted.size(), creates, accepted.size() - creates, counters.longestAccepted().get(),
                counters.retried().get(), counters.count(503),
                counters.unavailableSpan().toMillis(), UNAVAILABLE_BOUND.toSeconds(),
                counters.unavailableWithoutRetryAfter().get(), new TreeMap<>(counters.statuses()),
                counters.connectionErrors().get(), refused.size(),
                outcomes.values().stream().filter(o -> "APPLIED".equals(o.status())).count(), lost.size(),
                duplicated, underReplicated.isEmpty() ? "none" : underReplicated);
        System.out.println(figures);
        Files.writeString(work.resolve("figures.txt"), figures);

        assertThat(failover.partitions()).as("the killed broker led partitions of the submissions topic").isNotEmpty();
        assertThat(lost).as("accepted writes not applied at the version they make").isEmpty();
        assertThat(duplicated).as("duplicated innovations").isZero();
        assertThat(wrongVersion).as("innovations whose version is not 1 + its accepted revisions").isEmpty();
        assertThat(refused).as("writes answered with a non-retryable status").isEmpty();
        assertThat(counters.unavailableSpan()).as("how long intake answered 503").isLessThan(UNAVAILABLE_BOUND);
        assertThat(counters.unavailableWithoutRetryAfter().get()).as("503s without Retry-After").isZero();
        assertThat(underReplicated).as("topics without RF 3 and min.insync.replicas 2").isEmpty();
    }

    /**
     * The broker killed, the partitions of the submissions topic it led, whether it was the active controller, and
     * how long until every partition had another leader.
     */
    private record Failover(int broker, List<Integer> partitions, boolean controller, Duration election) {
    }

    private static boolean applied(Accepted accepted, Outcome outcome) {
        return outcome != null && "APPLIED".equals(outcome.status()) && outcome.version() == accepted.expectedVersion();
    }

    /** The partitions of the submissions topic by the id of their leader (-1: none). */
    private static Map<Integer, List<Integer>> partitionsByLeader(Admin admin) throws Exception {
        TopicDescription submissions = admin.describeTopics(Set.of(Topics.SUBMISSIONS)).allTopicNames().get()
                .get(Topics.SUBMISSIONS);
        return submissions.partitions().stream().collect(Collectors.groupingBy(
                p -> p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id(), TreeMap::new,
                Collectors.mapping(TopicPartitionInfo::partition, Collectors.toList())));
    }

    /**
     * Every topic of the cluster, the internal ones included, whose partitions do not have three replicas or whose
     * {@code min.insync.replicas} is not 2.
     */
    private static List<String> notReplicatedAsRequired(Admin admin) throws Exception {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        Collection<TopicDescription> topics = admin.describeTopics(names).allTopicNames().get().values();
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get();
        List<String> wrong = new ArrayList<>();
        for (TopicDescription topic : topics) {
            String minInsync = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()))
                    .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();
            Set<Integer> replicaCounts = topic.partitions().stream().map(p -> p.replicas().size())
                    .collect(Collectors.toSet());
            if (!replicaCounts.equals(Set.of(LocalKafkaCluster.REPLICATION_FACTOR))
                    || !Integer.toString(LocalKafkaCluster.MIN_INSYNC_REPLICAS).equals(minInsync)) {
                wrong.add(topic.name() + " replicas " + replicaCounts + " min.insync.replicas " + minInsync);
            }
        }
        return wrong;
    }

    private static void phase(String what) {
        System.out.println("[broker-failover " + Instant.now() + "] " + what);
    }
}
