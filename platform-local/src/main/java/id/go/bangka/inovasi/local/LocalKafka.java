package id.go.bangka.inovasi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one process) from the Maven Central jars of this
 * module's runtime classpath, on fixed loopback ports, with its log directory under the data directory so topics
 * survive a restart. Alone (what {@code ./run-local.sh} starts) or one node of a {@link LocalKafkaCluster}.
 */
public final class LocalKafka implements Supervisor.Supervised {

    /**
     * The system property naming the broker's classpath. The module's integration tests set it to {@code target/lib/*}
     * (its runtime dependencies, which {@code ./run-local.sh} uses), so the tests run the broker on exactly the
     * classpath users get, not on the test classpath with its test-scoped extras.
     */
    public static final String CLASSPATH_PROPERTY = "inovasi.kafka.classpath";

    /**
     * This node's place in its cluster.
     *
     * @param nodeId            the node id (broker and controller)
     * @param voters            {@code controller.quorum.voters}: every controller as {@code id@host:port}
     * @param clusterId         the id the storage is formatted with, the same on every node; null for a random one
     * @param replicationFactor replication of every topic, the internal ones included
     * @param minInsyncReplicas {@code min.insync.replicas} of every topic, the internal ones included
     */
    record Quorum(int nodeId, String voters, String clusterId, int replicationFactor, int minInsyncReplicas) {

        /** A cluster of one: this node is the only voter, every topic has one replica. */
        static Quorum single(int controllerPort) {
            return new Quorum(1, "1@127.0.0.1:" + controllerPort, null, 1, 1);
        }
    }

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final Quorum quorum;
    private Process process;

    public LocalKafka(Path directory, int port, int controllerPort) {
        this(directory, port, controllerPort, Quorum.single(controllerPort));
    }

    LocalKafka(Path directory, int port, int controllerPort, Quorum quorum) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.quorum = quorum;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Formats the storage on first use, starts the broker and waits until it accepts connections. */
    public synchronized void start(Duration timeout) {
        launch();
        awaitListening(timeout);
    }

    /**
     * Formats the storage on first use and starts the process without waiting: the nodes of a cluster start together,
     * since none serves before a majority of the controllers runs.
     */
    synchronized void launch() {
        try {
            Files.createDirectories(directory);
            Path properties = directory.resolve("server.properties");
            Path logs = directory.resolve("logs");
            Files.writeString(properties, serverProperties(logs));
            Path log = directory.resolve("kafka.log");
            if (!Files.exists(logs.resolve("meta.properties"))) {
                String clusterId = quorum.clusterId() == null ? Uuid.randomUuid().toString() : quorum.clusterId();
                int formatted = java("kafka.tools.StorageTool", List.of("format", "-t", clusterId,
                        "-c", properties.toString()), log).waitFor();
                if (formatted != 0) {
                    throw new IllegalStateException("Formatting Kafka storage failed; see " + log);
                }
            }
            process = java("kafka.Kafka", List.of(properties.toString()), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker gracefully. */
    public synchronized void stop() {
        Processes.stopGracefully(process);
    }

    @Override
    public String name() {
        return quorum.voters().contains(",") ? "kafka-" + quorum.nodeId() : "kafka";
    }

    @Override
    public synchronized boolean alive() {
        return Processes.alive(process);
    }

    @Override
    public synchronized int exitCode() {
        return Processes.exitCode(process);
    }

    /** Starts the broker again on its port and log directory (the {@link Supervisor}'s restart). */
    @Override
    public void restart() {
        start(Duration.ofSeconds(60));
    }

    /** Kills the broker without warning, like {@code kill -9}. */
    public synchronized void kill() {
        Processes.kill(process);
    }

    @Override
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    private String serverProperties(Path logs) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + quorum.nodeId(),
                "controller.quorum.voters=" + quorum.voters(),
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=6",
                "default.replication.factor=" + quorum.replicationFactor(),
                "min.insync.replicas=" + quorum.minInsyncReplicas(),
                "offsets.topic.replication.factor=" + quorum.replicationFactor(),
                "transaction.state.log.replication.factor=" + quorum.replicationFactor(),
                "transaction.state.log.min.isr=" + quorum.minInsyncReplicas(),
                "share.coordinator.state.topic.replication.factor=" + quorum.replicationFactor(),
                "share.coordinator.state.topic.min.isr=" + quorum.minInsyncReplicas(),
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "");
    }

    private static Process java(String mainClass, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Processes.java(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath(), mainClass));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** The broker's classpath: {@link #CLASSPATH_PROPERTY} when set, else this JVM's own (run-local's launcher). */
    static String classpath() {
        return System.getProperty(CLASSPATH_PROPERTY, System.getProperty("java.class.path"));
    }

    /** Waits until the broker accepts connections; fails when its process exits first. */
    synchronized void awaitListening(Duration timeout) {
        Path log = directory.resolve("kafka.log");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                ServiceProcess.sleep(200);
            }
        }
        throw new IllegalStateException("Kafka not listening on " + port + " within " + timeout + "; see " + log);
    }
}
