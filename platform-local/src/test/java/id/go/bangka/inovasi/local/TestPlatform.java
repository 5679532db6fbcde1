package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.testsupport.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The four services as separate processes from their built jars, on free loopback ports, against the given Kafka and
 * MongoDB: what the end-to-end and security tests drive through the gateway.
 */
final class TestPlatform {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration READY = Duration.ofMinutes(3);
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    final ServiceProcess gateway;
    final ServiceProcess submission;
    final ServiceProcess catalog;
    final ServiceProcess stats;

    private TestPlatform(ServiceProcess gateway, ServiceProcess submission, ServiceProcess catalog,
            ServiceProcess stats) {
        this.gateway = gateway;
        this.submission = submission;
        this.catalog = catalog;
        this.stats = stats;
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
        return start(infrastructure, work, clientsFile, gatewayExtras, Map.of());
    }

    /**
     * Starts every service with more environment for all of them (tracing export, log format...) and waits until all
     * are ready.
     */
    static TestPlatform start(Infrastructure infrastructure, Path work, Path clientsFile,
            Map<String, String> gatewayExtras, Map<String, String> everyServiceExtras) {
        int submissionPort = freePort();
        int catalogPort = freePort();
        int statsPort = freePort();
        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        common.put("MONGODB_URI", infrastructure.mongoUri());
        common.put("INOVASI_IDENTITY_SECRET", Infrastructure.IDENTITY_SECRET);
        common.put("INOVASI_CATALOG_URI", "http://127.0.0.1:" + catalogPort);
        common.putAll(everyServiceExtras);
        Map<String, String> gatewayEnv = new HashMap<>(common);
        gatewayEnv.put("INOVASI_SUBMISSION_URI", "http://127.0.0.1:" + submissionPort);
        gatewayEnv.put("INOVASI_STATS_URI", "http://127.0.0.1:" + statsPort);
        gatewayEnv.put("INOVASI_GATEWAY_CLIENTS_FILE", clientsFile.toString());
        gatewayEnv.putAll(gatewayExtras);
        TestPlatform platform = new TestPlatform(service("gateway", freePort(), gatewayEnv, work),
                service("submission-service", submissionPort, common, work),
                service("catalog-service", catalogPort, common, work), service("stats-service", statsPort, common,
                        work));
        platform.all().forEach(ServiceProcess::start);
        platform.all().stream().map(s -> CompletableFuture.runAsync(() -> s.awaitReady(READY))).toList()
                .forEach(CompletableFuture::join);
        return platform;
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
    static Path clientsFile(Path work, List<Client> clients) throws IOException {
        StringBuilder yaml = new StringBuilder("inovasi:\n  gateway:\n    clients:\n");
        for (Client client : clients) {
            yaml.append("      - id: ").append(client.id()).append("\n        roles: [").append(client.role())
                    .append("]\n");
            if (!client.opdCodes().isEmpty()) {
                yaml.append("        opd-codes: [").append(String.join(", ", client.opdCodes())).append("]\n");
            }
            yaml.append("        key-sha256: [").append(LocalPlatform.sha256(client.key())).append("]\n");
        }
        return Files.writeString(work.resolve("clients.yml"), yaml);
    }

    /** Writes a clients file of one portal (acting for the given OPD codes) and one reviewer into {@code work}. */
    static Path portalAndReviewerClients(Path work, String portalKey, String reviewerKey, String... opdCodes)
            throws IOException {
        return clientsFile(work, List.of(
                new Client("portal-" + opdCodes[0].toLowerCase(Locale.ROOT), "portal", List.of(opdCodes), portalKey),
                new Client("bappeda-reviewer", "reviewer", List.of(), reviewerKey)));
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
        return List.of(submission, catalog, stats, gateway);
    }

    private static ServiceProcess service(String module, int port, Map<String, String> env, Path work) {
        return new ServiceProcess(module, ServiceProcess.builtJar(ROOT, module), port, env, JVM,
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
