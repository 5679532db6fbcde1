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
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The four services as separate processes from their built jars, on free loopback ports, against the given Kafka and
 * MongoDB: what the end-to-end, security and fault tests drive through the gateway. The gateway routes stats to the
 * first stats-service replica; further replicas are reached directly.
 */
final class TestPlatform {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration READY = Duration.ofMinutes(3);
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

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
        return start(infrastructure, work, clientsFile, gatewayExtras, 1);
    }

    /** Starts every service, with this many stats-service replicas, and waits until all are ready. */
    static TestPlatform start(Infrastructure infrastructure, Path work, Path clientsFile,
            Map<String, String> gatewayExtras, int statsReplicas) {
        int submissionPort = freePort();
        int catalogPort = freePort();
        int statsPort = freePort();
        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        common.put("MONGODB_URI", infrastructure.mongoUri());
        common.put("INOVASI_IDENTITY_SECRET", Infrastructure.IDENTITY_SECRET);
        common.put("INOVASI_CATALOG_URI", "http://127.0.0.1:" + catalogPort);
        Map<String, String> gatewayEnv = new HashMap<>(common);
        gatewayEnv.put("INOVASI_SUBMISSION_URI", "http://127.0.0.1:" + submissionPort);
        gatewayEnv.put("INOVASI_STATS_URI", "http://127.0.0.1:" + statsPort);
        gatewayEnv.put("INOVASI_GATEWAY_CLIENTS_FILE", clientsFile.toString());
        gatewayEnv.putAll(gatewayExtras);
        List<ServiceProcess> stats = new ArrayList<>(List.of(service("stats-service", statsPort, common, work)));
        for (int replica = 2; replica <= statsReplicas; replica++) {
            stats.add(service("stats-service", freePort(), common, work.resolve("stats-" + replica)));
        }
        TestPlatform platform = new TestPlatform(service("gateway", freePort(), gatewayEnv, work),
                service("submission-service", submissionPort, common, work),
                service("catalog-service", catalogPort, common, work), stats);
        platform.all().forEach(ServiceProcess::start);
        platform.all().stream().map(s -> CompletableFuture.runAsync(() -> s.awaitReady(READY))).toList()
                .forEach(CompletableFuture::join);
        return platform;
    }

    /** {@code platform-local/target/<name>}, created: where a test's logs and files go. */
    static Path workDirectory(String name) {
        try {
            return Files.createDirectories(ROOT.resolve("platform-local/target").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code clients.yml} into {@code work}: a portal of DINKES and a reviewer with these API keys. */
    static Path portalAndReviewerClients(Path work, String portalKey, String reviewerKey) {
        try {
            return Files.writeString(work.resolve("clients.yml"), portalAndReviewerYaml(portalKey, reviewerKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clients file with a portal of DINKES and a reviewer; more clients may follow at the same indentation. */
    static String portalAndReviewerYaml(String portalKey, String reviewerKey) {
        return """
                inovasi:
                  gateway:
                    clients:
                      - id: portal-dinkes
                        roles: [portal]
                        opd-codes: [DINKES]
                        key-sha256: [%s]
                      - id: bappeda-reviewer
                        roles: [reviewer]
                        key-sha256: [%s]
                """.formatted(LocalPlatform.sha256(portalKey), LocalPlatform.sha256(reviewerKey));
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
