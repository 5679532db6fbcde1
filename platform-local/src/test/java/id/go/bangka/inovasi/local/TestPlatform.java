package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.testsupport.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The four services as separate processes from their built jars, on free loopback ports, against the given Kafka and
 * MongoDB: what the end-to-end, security and fault tests drive through the gateway. The gateway balances stats over
 * every stats-service replica it is given (each replica is also reached directly).
 */
final class TestPlatform {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration READY = Duration.ofMinutes(3);
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            LocalPlatform.METASPACE);

    final ServiceProcess gateway;
    final ServiceProcess submission;
    final ServiceProcess catalog;
    final ServiceProcess stats;
    final List<ServiceProcess> statsReplicas;

    private TestPlatform(ServiceProcess gateway, ServiceProcess submission, ServiceProcess catalog,
            List<ServiceProcess> statsReplicas) {
        this.gateway = gateway;
        this.submission = submission;
        this.catalog = catalog;
        this.stats = statsReplicas.get(0);
        this.statsReplicas = List.copyOf(statsReplicas);
    }

    /**
     * Starts every service and waits until all are ready.
     *
     * @param work          where logs go
     * @param clientsFile   the gateway's API clients
     * @param gatewayExtras more environment for the gateway (OIDC issuer, reload interval...)
     */
    static TestPlatform start(Infrastructure infrastructure, Path work, Path clientsFile,
            Map<String, String> gatewayExtras) {
        return start(infrastructure, work, clientsFile, gatewayExtras, Map.of(), 1);
    }

    /**
     * Starts every service, with more environment for all of them (tracing export, log format...) and this many
     * stats-service replicas, which the gateway balances over, and waits until all are ready.
     */
    static TestPlatform start(Infrastructure infrastructure, Path work, Path clientsFile,
            Map<String, String> gatewayExtras, Map<String, String> everyServiceExtras, int statsReplicas) {
        int submissionPort = freePort();
        int catalogPort = freePort();
        List<Integer> statsPorts = new ArrayList<>();
        for (int replica = 1; replica <= statsReplicas; replica++) {
            statsPorts.add(freePort());
        }
        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        common.put("MONGODB_URI", infrastructure.mongoUri());
        common.put("INOVASI_IDENTITY_SECRET", Infrastructure.IDENTITY_SECRET);
        common.put("INOVASI_CATALOG_URI", "http://127.0.0.1:" + catalogPort);
        common.put("INOVASI_SUBMISSION_URI", "http://127.0.0.1:" + submissionPort);
        common.putAll(everyServiceExtras);
        Map<String, String> gatewayEnv = new HashMap<>(common);
        gatewayEnv.put("INOVASI_STATS_URI", statsUris(statsPorts));
        gatewayEnv.put("INOVASI_GATEWAY_CLIENTS_FILE", clientsFile.toString());
        gatewayEnv.putAll(gatewayExtras);
        List<ServiceProcess> stats = new ArrayList<>(List.of(service("stats-service", statsPorts.get(0), common,
                work)));
        for (int replica = 2; replica <= statsReplicas; replica++) {
            stats.add(service("stats-service", statsPorts.get(replica - 1), common,
                    work.resolve("stats-" + replica)));
        }
        TestPlatform platform = new TestPlatform(service("gateway", freePort(), gatewayEnv, work),
                service("submission-service", submissionPort, common, work),
                service("catalog-service", catalogPort, common, work), stats);
        ServiceProcess.startAll(platform.all());
        platform.all().stream().map(s -> CompletableFuture.runAsync(() -> s.awaitReady(READY))).toList()
                .forEach(CompletableFuture::join);
        LocalPlatform.awaitRoutedToEveryService(platform.gateway, READY);
        return platform;
    }

    /** Kafka and MongoDB a test started itself (a broker process, a cluster, the stand-in). */
    record Addresses(String kafkaBootstrapServers, String mongoUri) implements Infrastructure {
    }

    /** The gateway's static list of stats-service replicas ({@code INOVASI_STATS_URI}, comma-separated). */
    static String statsUris(List<Integer> ports) {
        return String.join(",", ports.stream().map(p -> "http://127.0.0.1:" + p).toList());
    }

    /** {@code platform-local/target/<name>}, created: where a test's logs and files go. */
    static Path workDirectory(String name) {
        try {
            return Files.createDirectories(ROOT.resolve("platform-local/target").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An API client of the gateway's clients file.
     *
     * @param id       client id
     * @param role     its one role
     * @param opdCodes OPD codes it acts for (portals)
     * @param key      its plain API key (the file holds the SHA-256)
     */
    record Client(String id, String role, List<String> opdCodes, String key) {
    }

    /** Writes {@code clients.yml} with these clients into {@code work}. */
    static Path clientsFile(Path work, List<Client> clients) {
        try {
            return Files.writeString(work.resolve("clients.yml"), clientsYaml(clients));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The clients file's text; more clients may be appended at the same indentation. */
    static String clientsYaml(List<Client> clients) {
        StringBuilder yaml = new StringBuilder("inovasi:\n  gateway:\n    clients:\n");
        for (Client client : clients) {
            yaml.append("      - id: ").append(client.id()).append("\n        roles: [").append(client.role())
                    .append("]\n");
            if (!client.opdCodes().isEmpty()) {
                yaml.append("        opd-codes: [").append(String.join(", ", client.opdCodes())).append("]\n");
            }
            yaml.append("        key-sha256: [").append(LocalPlatform.sha256(client.key())).append("]\n");
        }
        return yaml.toString();
    }

    /** Writes a clients file of one portal (for the given OPD codes, DINKES when none) and one reviewer. */
    static Path portalAndReviewerClients(Path work, String portalKey, String reviewerKey, String... opdCodes) {
        return clientsFile(work, portalAndReviewer(portalKey, reviewerKey, opdCodes));
    }

    /** The text of {@link #portalAndReviewerClients} with a portal of DINKES. */
    static String portalAndReviewerYaml(String portalKey, String reviewerKey) {
        return clientsYaml(portalAndReviewer(portalKey, reviewerKey));
    }

    private static List<Client> portalAndReviewer(String portalKey, String reviewerKey, String... opdCodes) {
        List<String> codes = opdCodes.length == 0 ? List.of("DINKES") : List.of(opdCodes);
        return List.of(new Client("portal-" + codes.get(0).toLowerCase(Locale.ROOT), "portal", codes, portalKey),
                new Client("bappeda-reviewer", "reviewer", List.of(), reviewerKey));
    }

    String gatewayUri() {
        return "http://127.0.0.1:" + gateway.port();
    }

    void stop() {
        all().forEach(ServiceProcess::stop);
    }

    /** Waits at most this long for a restarted service. */
    static Duration readyTimeout() {
        return READY;
    }

    private List<ServiceProcess> all() {
        List<ServiceProcess> all = new ArrayList<>(List.of(submission, catalog));
        all.addAll(statsReplicas);
        all.add(gateway);
        return all;
    }

    /** A service process from its built jar with the tests' JVM options; its log is {@code <work>/<module>.log}. */
    static ServiceProcess service(String module, int port, Map<String, String> env, Path work) {
        return service(module, port, env, work, List.of());
    }

    /** As {@link #service(String, int, Map, Path)}, with more JVM options (system properties). */
    static ServiceProcess service(String module, int port, Map<String, String> env, Path work,
            List<String> moreJvmOptions) {
        List<String> jvm = new ArrayList<>(JVM);
        jvm.addAll(moreJvmOptions);
        return new ServiceProcess(module, ServiceProcess.builtJar(ROOT, module), port, env, jvm,
                work.resolve(module + ".log"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
