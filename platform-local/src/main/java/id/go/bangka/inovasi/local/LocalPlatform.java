package id.go.bangka.inovasi.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ./run-local.sh}: starts a real Kafka broker, the MongoDB stand-in and the four services on loopback, waits
 * until every service is ready, prints the URLs and API keys, and stops everything on Ctrl-C (or
 * {@code ./run-local.sh stop}). {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI} use existing infrastructure
 * instead; {@code INOVASI_LOCAL_PORTAL_KEY} and {@code INOVASI_LOCAL_REVIEWER_KEY} fix the keys, otherwise they are
 * generated once and kept under {@code data/} (readable by its owner only). Every service listens on 127.0.0.1 only;
 * {@code INOVASI_GATEWAY_ADDRESS} opens the gateway (and only the gateway) to a network, e.g. {@code 0.0.0.0}.
 */
public final class LocalPlatform {

    /** Fixed ports of the local platform. */
    public static final int GATEWAY_PORT = 8080;
    public static final int SUBMISSION_PORT = 8081;
    public static final int CATALOG_PORT = 8082;
    public static final int STATS_PORT = 8083;
    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    public static final int MONGO_PORT = 27017;
    /**
     * The first metaspace size at which a JVM collects in full for metadata. The default (about 21 MiB) is below what
     * a service's classes take beside the class data sharing archive (20 to 36 MiB), so every start ran one or two
     * full collections of 0.3 to 1.7 s on two shared cores (docs/benchmarks.md, section 6).
     */
    public static final String METASPACE = "-XX:MetaspaceSize=64m";
    /**
     * The services' JVM options unless {@code INOVASI_JAVA_OPTS} replaces them: a fixed heap of 320 MiB (a heap that
     * starts small stays small under load, so its old generation fills and is collected in full every 12 to 22 s:
     * docs/benchmarks.md, section 9), the serial collector and small thread stacks, for five JVMs on two cores, and
     * {@link #METASPACE}.
     */
    public static final String DEFAULT_JAVA_OPTIONS = "-Xms320m -Xmx320m -XX:+UseSerialGC -Xss512k " + METASPACE;

    /** The address every service listens on; the gateway's can be changed with {@code INOVASI_GATEWAY_ADDRESS}. */
    static final String LOOPBACK = "127.0.0.1";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path root;
    private final Path data;
    private final Map<String, String> env;
    private final Map<String, String> serviceEnv;
    private final List<ServiceProcess> services = new ArrayList<>();
    private LocalKafka kafka;
    private MongoStandIn mongo;
    private Supervisor supervisor;

    LocalPlatform(Path root, Map<String, String> env) {
        this(root, root.resolve("data"), env, Map.of());
    }

    /**
     * A platform with its data under {@code data}, and {@code serviceEnv} added to every service's environment (the
     * benchmark fixes the identity secret and raises rate limits this way).
     */
    LocalPlatform(Path root, Path data, Map<String, String> env, Map<String, String> serviceEnv) {
        this.root = root;
        this.data = data;
        this.env = env;
        this.serviceEnv = Map.copyOf(serviceEnv);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("inovasi.root", ".")).toAbsolutePath().normalize();
        LocalPlatform platform = new LocalPlatform(root, System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "local-platform-stop"));
        Instant started = Instant.now();
        Keys keys = platform.start();
        System.out.println(platform.banner(keys, Duration.between(started, Instant.now())));
        Thread.currentThread().join();
    }

    /** API keys of the local clients. */
    record Keys(String portal, String reviewer) {
    }

    Keys start() throws IOException {
        Files.createDirectories(data.resolve("run"));
        Files.createDirectories(data.resolve("logs"));
        Files.writeString(data.resolve("run/launcher.pid"), Long.toString(ProcessHandle.current().pid()));

        String kafkaServers = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafkaServers == null || kafkaServers.isBlank()) {
            log("Starting Kafka (KRaft) on 127.0.0.1:" + KAFKA_PORT);
            kafka = new LocalKafka(data.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
            kafka.start(Duration.ofSeconds(60));
            kafkaServers = kafka.bootstrapServers();
        }
        String mongoUri = env.get("MONGODB_URI");
        if (mongoUri == null || mongoUri.isBlank()) {
            log("Starting the MongoDB stand-in on 127.0.0.1:" + MONGO_PORT + " (H2 file under data/mongo)");
            mongo = new MongoStandIn(data.resolve("mongo/inovasi.mv"), MONGO_PORT);
            mongo.start();
            mongoUri = mongo.uri();
        }
        Keys keys = keys();
        Path clients = writeClients(keys);

        Map<String, String> common = new LinkedHashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafkaServers);
        common.put("KAFKA_REPLICATION_FACTOR", "1");
        common.put("MONGODB_URI", mongoUri);
        common.put("INOVASI_IDENTITY_SECRET", randomToken(32));
        common.put("INOVASI_CATALOG_URI", "http://127.0.0.1:" + CATALOG_PORT);
        common.put("INOVASI_SUBMISSION_URI", "http://127.0.0.1:" + SUBMISSION_PORT);
        common.put("SERVER_ADDRESS", LOOPBACK);
        common.putAll(serviceEnv);
        Map<String, String> gateway = new LinkedHashMap<>(common);
        gateway.put("SERVER_ADDRESS", gatewayAddress());
        gateway.put("INOVASI_STATS_URI", "http://127.0.0.1:" + STATS_PORT);
        gateway.put("INOVASI_GATEWAY_CLIENTS_FILE", clients.toString());

        services.add(service("submission-service", SUBMISSION_PORT, common));
        services.add(service("catalog-service", CATALOG_PORT, common));
        services.add(service("stats-service", STATS_PORT, common));
        services.add(service("gateway", GATEWAY_PORT, gateway));
        log("Starting " + services.stream().map(ServiceProcess::name).toList() + " (logs in data/logs)");
        ServiceProcess.startAll(services);
        services.stream().map(s -> CompletableFuture.runAsync(() -> s.awaitReady(READY_TIMEOUT)))
                .toList().forEach(CompletableFuture::join);
        awaitRoutedToEveryService(services.get(services.size() - 1), READY_TIMEOUT);
        writePids();
        List<Supervisor.Supervised> supervised = new ArrayList<>();
        if (kafka != null) {
            supervised.add(kafka);
        }
        supervised.addAll(services);
        supervisor = new Supervisor(supervised, LocalPlatform::log, this::writePidsQuietly);
        return keys;
    }

    /**
     * Waits until the gateway answers a public read of every service: its health checks (every 2 s) see a service that
     * became ready after the gateway at their next round only.
     */
    static void awaitRoutedToEveryService(ServiceProcess gateway, Duration timeout) {
        for (String read : List.of("/api/v1/reference", "/api/v1/innovations", "/api/v1/stats/overview")) {
            gateway.awaitAnswer(read, timeout, "routing " + read);
        }
    }

    void stop() {
        if (supervisor != null) {
            supervisor.stop();
        }
        List<ServiceProcess> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        if (kafka != null) {
            kafka.stop();
        }
        if (mongo != null) {
            mongo.stop();
        }
    }

    private ServiceProcess service(String module, int port, Map<String, String> environment) {
        String javaOptions = env.getOrDefault("INOVASI_JAVA_OPTS", DEFAULT_JAVA_OPTIONS);
        return new ServiceProcess(module, ServiceProcess.builtJar(root, module), port, environment,
                Arrays.stream(javaOptions.trim().split("\\s+")).toList(), data.resolve("logs/" + module + ".log"));
    }

    /** The gateway's listening address: {@code INOVASI_GATEWAY_ADDRESS}, loopback by default. */
    String gatewayAddress() {
        return firstNonBlank(env.get("INOVASI_GATEWAY_ADDRESS"), LOOPBACK);
    }

    private Keys keys() throws IOException {
        Path file = data.resolve("local-keys.properties");
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                stored.load(in);
            }
        } else {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        String portal = firstNonBlank(env.get("INOVASI_LOCAL_PORTAL_KEY"), stored.getProperty("portal"));
        String reviewer = firstNonBlank(env.get("INOVASI_LOCAL_REVIEWER_KEY"), stored.getProperty("reviewer"));
        Keys keys = new Keys(portal == null ? "portal-" + randomToken(24) : portal,
                reviewer == null ? "reviewer-" + randomToken(24) : reviewer);
        stored.setProperty("portal", keys.portal());
        stored.setProperty("reviewer", keys.reviewer());
        try (OutputStream out = Files.newOutputStream(file)) {
            stored.store(out, "API keys of the local platform's clients (generated; delete to renew)");
        }
        return keys;
    }

    private Path writeClients(Keys keys) throws IOException {
        Path file = data.resolve("clients.yml");
        Files.writeString(file, """
                # Written by ./run-local.sh: the local platform's API clients (keys only as SHA-256).
                inovasi:
                  gateway:
                    clients:
                      - id: local-portal
                        roles: [portal]
                        opd-codes: ["*"]
                        key-sha256: [%s]
                      - id: local-reviewer
                        roles: [reviewer]
                        opd-codes: []
                        key-sha256: [%s]
                """.formatted(sha256(keys.portal()), sha256(keys.reviewer())));
        return file;
    }

    private void writePids() throws IOException {
        StringBuilder lines = new StringBuilder();
        pids().forEach((name, pid) -> lines.append(name).append(' ').append(pid).append('\n'));
        Files.writeString(data.resolve("run/services.pids"), lines);
    }

    private void writePidsQuietly() {
        try {
            writePids();
        } catch (IOException e) {
            log("could not write data/run/services.pids: " + e.getMessage());
        }
    }

    /** The process id of the broker (when started here) and of each service, by name. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (kafka != null) {
            pids.put("kafka", kafka.pid());
        }
        services.forEach(s -> pids.put(s.name(), s.pid()));
        return pids;
    }

    private String banner(Keys keys, Duration took) {
        String address = gatewayAddress();
        String reach = LOOPBACK.equals(address) ? "this machine only; INOVASI_GATEWAY_ADDRESS=0.0.0.0 opens it"
                : "listening on " + address;
        return """

                Inovasi Bangka is running (all services ready in %.1f s).
                  Gateway (the only entry)  http://localhost:%d   (%s)
                  Portal API key            %s   (acts for every OPD code)
                  Reviewer API key          %s
                  Keys kept in              %s
                  Logs                      %s
                Submit an innovation (202 Accepted; its Location says where to follow it until APPLIED):
                %s
                Stop with Ctrl-C or ./run-local.sh stop
                """.formatted(took.toMillis() / 1000.0, GATEWAY_PORT, reach, keys.portal(), keys.reviewer(),
                data.resolve("local-keys.properties"), data.resolve("logs"), example(keys.portal()));
    }

    /**
     * The submission the banner prints: a complete proposal for a curl and a shell that a fresh Debian has (no
     * {@code uuidgen}, no {@code jq}); {@code .ci/run} runs it as printed.
     */
    static String example(String portalKey) {
        return """
                  curl -i -X POST http://localhost:%d/api/v1/submissions \\
                    -H 'X-Api-Key: %s' -H "Idempotency-Key: example-$(date +%%s%%N)" \\
                    -H 'Content-Type: application/json' \\
                    -d '{"title":"Smart-in PIRT: izin pangan rumah tangga daring","opdCode":"DINKES",
                         "source":"OPD","initiatorType":"OPD","field":"HEALTH","governmentAffair":"HEALTH",
                         "form":"PUBLIC_SERVICE","kind":"DIGITAL","stage":"IMPLEMENTATION","programme":"OTHER",
                         "year":2020}'""".formatted(GATEWAY_PORT, portalKey);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null || b.isBlank() ? null : b;
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void log(String line) {
        System.out.println("[run-local] " + line);
    }
}
