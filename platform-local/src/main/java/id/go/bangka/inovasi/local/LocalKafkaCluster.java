package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Three real Kafka brokers as processes ({@link LocalKafka} nodes, each broker and controller, so three controller
 * voters), on loopback ports, the production shape of the platform's Kafka: every topic, the internal ones
 * ({@code __consumer_offsets}, transaction and share state) included, has replication factor 3 and
 * {@code min.insync.replicas=2}, so one broker may die without losing an acknowledged record or refusing writes. The
 * platform's topics are created here, explicitly; the services run with the binder's topic creation off.
 */
public final class LocalKafkaCluster {

    /** Replicas of every topic. */
    public static final int REPLICATION_FACTOR = 3;
    /** Replicas that must have a record before an {@code acks=all} producer gets its ack. */
    public static final int MIN_INSYNC_REPLICAS = 2;

    private final List<LocalKafka> nodes;

    /**
     * A cluster of three nodes, node {@code i + 1} on {@code ports.get(i)} with its controller on
     * {@code controllerPorts.get(i)} and its data under {@code directory/node-<id>}.
     */
    public LocalKafkaCluster(Path directory, List<Integer> ports, List<Integer> controllerPorts) {
        if (ports.size() != REPLICATION_FACTOR || controllerPorts.size() != REPLICATION_FACTOR) {
            throw new IllegalArgumentException("three brokers, three controller ports");
        }
        String voters = IntStream.range(0, REPLICATION_FACTOR)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i)).collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<LocalKafka> created = new ArrayList<>();
        for (int i = 0; i < REPLICATION_FACTOR; i++) {
            created.add(new LocalKafka(directory.resolve("node-" + (i + 1)), ports.get(i), controllerPorts.get(i),
                    new LocalKafka.Quorum(i + 1, voters, clusterId, REPLICATION_FACTOR, MIN_INSYNC_REPLICAS)));
        }
        this.nodes = List.copyOf(created);
    }

    /** Every broker's address: clients find the others through any one of them. */
    public String bootstrapServers() {
        return nodes.stream().map(LocalKafka::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The node with this id (1 to 3). */
    public LocalKafka node(int nodeId) {
        return nodes.get(nodeId - 1);
    }

    /**
     * Starts the three nodes together (none serves before a majority of the controllers runs), waits until each
     * accepts connections and all three are registered brokers, then creates the platform's topics.
     */
    public void start(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        nodes.forEach(LocalKafka::launch);
        nodes.forEach(node -> node.awaitListening(Duration.between(Instant.now(), deadline)));
        try (Admin admin = admin()) {
            awaitBrokers(admin, deadline);
            createTopics(admin);
        }
    }

    /** Stops every node that runs. */
    public void stop() {
        nodes.forEach(LocalKafka::stop);
    }

    /** An admin client of this cluster; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    private void awaitBrokers(Admin admin, Instant deadline) {
        while (true) {
            int registered;
            try {
                registered = admin.describeCluster().nodes().get().size();
            } catch (ExecutionException notYet) {
                registered = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (registered == nodes.size()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(registered + " of " + nodes.size() + " brokers registered in time");
            }
            ServiceProcess.sleep(200);
        }
    }

    /**
     * The platform's topics with {@link Topics#PARTITIONS} partitions, {@link #REPLICATION_FACTOR} replicas and
     * {@link #MIN_INSYNC_REPLICAS}; the snapshot and assessment topics compacted. What {@code kafka-init} creates in Docker Compose.
     */
    private static void createTopics(Admin admin) {
        Map<String, String> replicated = Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                Integer.toString(MIN_INSYNC_REPLICAS));
        Map<String, String> compacted = Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                Integer.toString(MIN_INSYNC_REPLICAS), TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT);
        List<NewTopic> topics = List.of(
                topic(Topics.SUBMISSIONS, replicated),
                topic(Topics.SUBMISSIONS_DEAD_LETTERS, replicated),
                topic(Topics.CATALOG, compacted),
                topic(Topics.ASSESSMENTS, compacted));
        try {
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Creating the topics failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static NewTopic topic(String name, Map<String, String> configs) {
        return new NewTopic(name, Topics.PARTITIONS, (short) REPLICATION_FACTOR).configs(configs);
    }
}
