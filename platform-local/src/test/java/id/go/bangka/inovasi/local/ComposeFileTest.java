package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks {@code docker-compose.yml} without Docker: against the services' own configuration (each module's
 * {@code application.yml} and platform-starter's {@code inovasi-defaults.yml}), the topic constants of the
 * {@code events} module and the module Dockerfiles, and, where {@code ../shared/schemas/compose-spec.json} exists
 * beside the checkout, against the Compose Specification JSON Schema. Also that nothing on the compose network is
 * reachable without credentials: Kafka only over SASL/SCRAM with a user per service, MongoDB with access control and a
 * user per service database, the gateway's metrics scraped with a metrics-only key; that secrets reach containers as
 * files only; that containers fail right (bounded memory, CPU limits, rotated logs, a grace period covering the
 * shutdown phases, pinned images, healthchecks on the management port needing only the JRE); and that
 * {@code docker-compose.cluster.yml} runs three brokers with replication factor 3 and min.insync.replicas 2.
 */
class ComposeFileTest {

    static final Path MODULE_DIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path REPO_ROOT = MODULE_DIR.getParent();
    static final Path COMPOSE_FILE = REPO_ROOT.resolve("docker-compose.yml");
    private static final Path CLUSTER_FILE = REPO_ROOT.resolve("docker-compose.cluster.yml");
    private static final Path COMPOSE_SCHEMA = MODULE_DIR.resolve("../../shared/schemas/compose-spec.json").normalize();
    static final Path SHARED_DEFAULTS =
            REPO_ROOT.resolve("platform-starter/src/main/resources/inovasi-defaults.yml");
    static final Path TOPICS_SOURCE =
            REPO_ROOT.resolve("events/src/main/java/id/go/bangka/inovasi/events/Topics.java");
    private static final Path CLIENTS_EXAMPLE = REPO_ROOT.resolve("config/clients.example.yml");
    static final Path GITIGNORE = REPO_ROOT.resolve(".gitignore");
    /** The plain key of the gateway client with the role metrics that Prometheus sends (never committed). */
    private static final String METRICS_KEY_FILE = "./config/prometheus-metrics-key";

    /** The application services (each built from the module of the same name) and their fixed ports. */
    static final Map<String, Integer> APP_PORTS = orderedMap(
            "gateway", 8080, "submission-service", 8081, "catalog-service", 8082, "stats-service", 8083);
    static final Set<String> MONGO_SERVICES = Set.of("submission-service", "catalog-service");
    private static final Set<String> SCALABLE_SERVICES = Set.of("catalog-service", "stats-service");
    private static final String GATEWAY = "gateway";
    private static final String PROMETHEUS = "prometheus";
    private static final String GRAFANA = "grafana";
    private static final String KAFKA_EXPORTER = "kafka-exporter";
    /** Where compose mounts secret files; the services import it as a Spring config tree. */
    static final String SECRETS_DIR = "/run/secrets/";
    static final String SECRETS_IMPORT = "configtree:" + SECRETS_DIR;
    private static final String HTTP_PROBE_CLASS = "id.go.bangka.inovasi.platform.health.HttpProbe";
    private static final Path HTTP_PROBE_SOURCE = REPO_ROOT.resolve(
            "platform-starter/src/main/java/" + HTTP_PROBE_CLASS.replace('.', '/') + ".java");
    /** Boot's own properties compose sets by their environment names (checked to bind by a test below). */
    static final Set<String> STANDARD_SPRING_ENV = Set.of("SPRING_CONFIG_IMPORT", "MANAGEMENT_SERVER_PORT");
    /** The gateway's variables naming each backend's replicas (a DNS name) and the port of their readiness. */
    static final Map<String, String> BACKEND_ENV_PREFIX = Map.of("submission-service", "INOVASI_SUBMISSION_",
            "catalog-service", "INOVASI_CATALOG_", "stats-service", "INOVASI_STATS_");
    /**
     * Shutdown phases that may each take the whole spring.lifecycle.timeout-per-shutdown-phase: the web server's
     * drain, the Kafka listener containers' stop, the producers' flush (the stats streams end at once).
     */
    static final int SHUTDOWN_PHASES = 3;
    static final Pattern PINNED_IMAGE = Pattern.compile(
            "^[a-z0-9][a-z0-9._/-]*(?=[:@])(:v?\\d+\\.\\d+\\.\\d+[\\w.-]*)?(@sha256:[0-9a-f]{64})?$");
    private static final Pattern PINNED_JRE = Pattern.compile("^eclipse-temurin:17\\.0\\.\\d+_\\d+-jre(-[a-z]+)?$");
    /** A Spring placeholder of a secret file in a compose value: $${KAFKA_PASSWORD} (compose's $$ is a literal $). */
    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\$\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final String OBSERVABILITY = "observability";
    private static final String KAFKA = "kafka";
    private static final String MONGO = "mongo";
    private static final String CLIENTS_FILE_ENV = "INOVASI_GATEWAY_CLIENTS_FILE";
    private static final Set<String> ROLES = Set.of("portal", "reviewer", "public", "ops", "metrics");
    /**
     * Boot's standard Kafka client properties that compose sets on each service using Kafka; the services read them
     * without a placeholder ({@link #bootAndTheKafkaBinderBindEachServicesSaslSettings} shows they bind).
     */
    static final Set<String> STANDARD_KAFKA_ENV = Set.of("SPRING_KAFKA_SECURITY_PROTOCOL",
            "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
    private static final String SCRAM = "SCRAM-SHA-512";
    private static final Set<String> SASL_PROTOCOLS = Set.of("SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
    /** Variables the broker turns into SCRAM users on its first start: INOVASI_SCRAM_PASSWORD_CATALOG_SERVICE. */
    private static final String SCRAM_USER_PREFIX = "INOVASI_SCRAM_PASSWORD_";
    private static final String MONGO_PASSWORD_PREFIX = "INOVASI_MONGO_PASSWORD_";

    private static final Pattern READINESS_URL =
            Pattern.compile("https?://(?:localhost|127\\.0\\.0\\.1):(\\d+)/actuator/health/readiness(?![\\w/])");
    private static final Pattern SERVICE_URL = Pattern.compile("^https?://([a-z0-9._-]+):(\\d+)(/.*)?$");
    private static final Pattern PLACEHOLDER_NAME = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");
    private static final Pattern REQUIRED_ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern PORT_PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z0-9_.\\-]+)(?::(\\d+))?}$");
    private static final Pattern MEMORY = Pattern.compile("^\\d+(\\.\\d+)?[bkmg]?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern ANY_VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");
    private static final Pattern SCRAM_JAAS = Pattern.compile("^org\\.apache\\.kafka\\.common\\.security\\.scram"
            + "\\.ScramLoginModule required username=\"([a-z0-9-]+)\" password=\"\\$\\$\\{([A-Z][A-Z0-9_]*)}\";$");
    private static final Pattern LISTENER = Pattern.compile("^([A-Za-z0-9_]+)://(\\[[^\\]]*]|[^:]*):(\\d+)$");
    private static final Pattern MONGO_URI =
            Pattern.compile("^mongodb://([^:@/]+):\\$\\$\\{([A-Z][A-Z0-9_]*)}@([^/?]+)/?\\?(.*)$");
    static final Pattern CREDENTIAL_NAME = Pattern.compile("PASSWORD|SECRET|JAAS");

    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void loadComposeFile() {
        compose = asMap(readYaml(COMPOSE_FILE).get(0), "the root of " + COMPOSE_FILE);
        services = asMap(compose.get("services"), "services");
        assertThat(services.keySet()).as("services of %s", COMPOSE_FILE)
                .containsAll(APP_PORTS.keySet())
                .contains(KAFKA, MONGO);
    }

    @Test
    void onlyTheGatewayPublishesAPortAndItIs8080() {
        SoftAssertions softly = new SoftAssertions();
        services.forEach((name, definition) -> {
            if (!name.equals(GATEWAY) && !name.equals(GRAFANA)) {
                softly.assertThat(asMap(definition, name).get("ports"))
                        .as("ports of %s: only the gateway is published", name).isNull();
            }
        });
        List<Object> ports = asList(service(GATEWAY).get("ports"), "ports of the gateway");
        softly.assertThat(ports).as("ports of the gateway").hasSize(1);
        for (Object port : ports) {
            int[] publishedAndTarget = publishedAndTarget(port);
            softly.assertThat(publishedAndTarget[0]).as("published port of the gateway (%s)", port).isEqualTo(8080);
            softly.assertThat(publishedAndTarget[1]).as("container port of the gateway (%s)", port)
                    .isEqualTo(APP_PORTS.get(GATEWAY));
        }
        softly.assertAll();
    }

    @Test
    void theObservabilityProfileScrapesEveryServiceOnItsManagementPortAndTheLagExporter() {
        SoftAssertions softly = new SoftAssertions();
        for (String name : List.of(PROMETHEUS, GRAFANA, KAFKA_EXPORTER)) {
            softly.assertThat(service(name).get("profiles")).as("profiles of %s", name).isEqualTo(List.of(OBSERVABILITY));
        }
        List<Object> grafanaPorts = asList(service(GRAFANA).get("ports"), "ports of grafana");
        softly.assertThat(grafanaPorts).as("Grafana is published on the loopback interface only")
                .allSatisfy(port -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:"));
        Map<String, String> grafana = environment(service(GRAFANA));
        softly.assertThat(grafana).as("Grafana's admin password: no value, no default, read from a secret file")
                .doesNotContainKey("GF_SECURITY_ADMIN_PASSWORD");
        softly.assertThat(grafana.get("GF_SECURITY_ADMIN_PASSWORD__FILE")).as("GF_SECURITY_ADMIN_PASSWORD__FILE")
                .isEqualTo(SECRETS_DIR + "GRAFANA_ADMIN_PASSWORD");
        softly.assertThat(secrets(service(GRAFANA))).as("secrets of grafana").containsKey("GRAFANA_ADMIN_PASSWORD");

        Map<String, String> mounts = new LinkedHashMap<>();
        List<List<String>> bindMounts = new ArrayList<>();
        for (Object volume : asList(service(PROMETHEUS).get("volumes"), "volumes of prometheus")) {
            List<String> mount = bindMount(volume);
            mounts.put(mount.get(1), mount.get(0));
            bindMounts.add(mount);
        }
        String configSource = mounts.get("/etc/prometheus/prometheus.yml");
        assertThat(configSource).as("prometheus.yml bind-mounted into the prometheus service").isNotNull();
        Map<String, Object> config = asMap(readYaml(REPO_ROOT.resolve(configSource).normalize()).get(0),
                "the root of " + configSource);
        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        for (Object job : asList(config.get("scrape_configs"), "scrape_configs")) {
            Map<String, Object> scrape = asMap(job, "a scrape config");
            jobs.put(String.valueOf(scrape.get("job_name")), scrape);
        }
        Set<String> expectedJobs = new LinkedHashSet<>(APP_PORTS.keySet());
        expectedJobs.add(KAFKA_EXPORTER);
        softly.assertThat(jobs.keySet()).as("scrape jobs of %s: one per service and the lag exporter", configSource)
                .containsExactlyInAnyOrderElementsOf(expectedJobs);
        APP_PORTS.forEach((name, port) -> {
            Map<String, Object> job = jobs.getOrDefault(name, Map.of());
            softly.assertThat(job.get("metrics_path")).as("metrics_path of job %s", name)
                    .isEqualTo("/actuator/prometheus");
            List<Object> discovery = asList(job.getOrDefault("dns_sd_configs", List.of()), "dns_sd_configs of " + name);
            softly.assertThat(discovery).as("dns_sd_configs of job %s", name).hasSize(1);
            for (Object entry : discovery) {
                Map<String, Object> sd = asMap(entry, "dns_sd_config of " + name);
                softly.assertThat(sd.get("names")).as("DNS names of job %s: the compose service", name)
                        .isEqualTo(List.of(name));
                softly.assertThat(sd.get("port")).as("scrape port of %s: its management port", name)
                        .isEqualTo(configurationPresent(softly, name) ? managementPort(name) : port);
            }
        });
        Object exporterTargets = path(asMap(asList(jobs.getOrDefault(KAFKA_EXPORTER, Map.of())
                .getOrDefault("static_configs", List.of(Map.of())), "static_configs").get(0), "static_configs"),
                "targets");
        String exporterCommand = commandText(service(KAFKA_EXPORTER).get("command"));
        Matcher listen = Pattern.compile("--web\\.listen-address=:(\\d+)").matcher(exporterCommand);
        softly.assertThat(listen.find()).as("kafka-exporter's --web.listen-address: %s", exporterCommand).isTrue();
        softly.assertThat(exporterTargets).as("the lag exporter's scrape target")
                .isEqualTo(List.of(KAFKA_EXPORTER + ":" + (listen.find(0) ? listen.group(1) : "?")));
        softly.assertThat(exporterCommand).as("kafka-exporter logs in with SCRAM, the password from its secret file")
                .contains("--sasl.enabled").contains("--sasl.mechanism=scram-sha512")
                .contains("$(cat " + SECRETS_DIR + "KAFKA_PASSWORD)");
        softly.assertThat(read(REPO_ROOT.resolve("ops/grafana/dashboards/inovasi-operations.json")))
                .as("a Grafana panel of the lag per consumer group").contains("kafka_consumergroup_lag")
                .contains("consumergroup");

        Object keyFile = path(asMap(jobs.getOrDefault(GATEWAY, Map.of()), "gateway job"), "http_headers", "X-Api-Key",
                "files");
        List<String> metricsKeyTargets = bindMounts.stream()
                .filter(mount -> mount.get(0).equals(METRICS_KEY_FILE) && mount.get(2).equals("ro"))
                .map(mount -> mount.get(1)).toList();
        softly.assertThat(metricsKeyTargets).as("%s (a metrics client's key) mounted read-only into prometheus",
                METRICS_KEY_FILE).hasSize(1);
        softly.assertThat(keyFile).as("the gateway's scrape sends the metrics client's key, from %s",
                METRICS_KEY_FILE).isEqualTo(metricsKeyTargets);
        softly.assertThat(String.join(" ", mounts.values()) + " " + mounts.keySet() + " " + keyFile)
                .as("no ops key for Prometheus").doesNotContainIgnoringCase("ops-key");

        List<Object> clients = asList(path(asMap(readYaml(CLIENTS_EXAMPLE).get(0), CLIENTS_EXAMPLE.toString()),
                "inovasi", "gateway", "clients"), "inovasi.gateway.clients");
        softly.assertThat(clients).as("a client of %s for Prometheus has the role metrics and no other",
                CLIENTS_EXAMPLE).anySatisfy(client -> assertThat(asMap(client, "a client").get("roles"))
                        .isEqualTo(List.of("metrics")));
        softly.assertAll();
    }

    @Test
    void gitKeepsEveryLocalSecretFileOut() {
        String gitignore = read(GITIGNORE);
        SoftAssertions softly = new SoftAssertions();
        for (String file : List.of(".env", METRICS_KEY_FILE.substring(2), "config/clients.yml")) {
            softly.assertThat(gitignore).as("%s ignores %s", GITIGNORE, file)
                    .containsPattern("(?m)^/?" + Pattern.quote(file) + "$");
        }
        asMap(compose.get("secrets"), "secrets").forEach((name, definition) -> {
            Object file = asMap(definition, "secret " + name).get("file");
            if (file != null) {
                softly.assertThat(gitignore).as("%s ignores the file of the secret %s", GITIGNORE, name)
                        .containsPattern("(?m)^/?" + Pattern.quote(String.valueOf(file).replaceFirst("^\\./", ""))
                                + "$");
            }
        });
        softly.assertAll();
    }

    @Test
    void everyAppServiceChecksReadinessOnItsManagementPortWithTheJreOnly() {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(HTTP_PROBE_SOURCE).as("the probe the healthchecks run").isRegularFile();
        APP_PORTS.forEach((name, port) -> {
            Map<String, Object> healthcheck = asMap(service(name).get("healthcheck"), "healthcheck of " + name);
            String test = commandText(healthcheck.get("test"));
            Matcher url = READINESS_URL.matcher(test);
            boolean found = url.find();
            softly.assertThat(found).as("healthcheck of %s calls http://localhost:<port>/actuator/health/readiness: %s",
                    name, test).isTrue();
            int management = configurationPresent(softly, name) ? managementPort(name) : port;
            if (found) {
                softly.assertThat(Integer.parseInt(url.group(1))).as("port in the healthcheck of %s: its management "
                        + "port", name).isEqualTo(management);
            }
            softly.assertThat(management).as("management port of %s: not its API port %s, which the gateway routes",
                    name, port).isNotEqualTo(port);
            softly.assertThat(test).as("healthcheck of %s: the JRE and HttpProbe (exit 1 on a non-2xx answer), no "
                    + "curl or wget a base image may drop", name)
                    .startsWith("CMD java ").contains("-cp /app/BOOT-INF/lib/* " + HTTP_PROBE_CLASS + " ")
                    .doesNotContain("curl").doesNotContain("wget");
        });
        softly.assertAll();
    }

    @Test
    void appServicesWaitForHealthyInfrastructureAndTheTopicsButTheGatewayForNoBackend() {
        String init = topicInitService();
        SoftAssertions softly = new SoftAssertions();
        APP_PORTS.keySet().forEach(name -> {
            Map<String, Object> dependsOn = asMap(service(name).get("depends_on"), "depends_on of " + name);
            if (name.equals(GATEWAY)) {
                dependsOn.keySet().forEach(target -> softly.assertThat(condition(dependsOn, target))
                        .as("the gateway starts without waiting for the readiness of %s (its circuit breakers and "
                                + "readiness-aware balancing answer meanwhile)", target)
                        .isNotEqualTo("service_healthy"));
                return;
            }
            softly.assertThat(condition(dependsOn, KAFKA)).as("%s depends_on kafka", name).isEqualTo("service_healthy");
            softly.assertThat(condition(dependsOn, init)).as("%s depends_on %s", name, init)
                    .isEqualTo("service_completed_successfully");
            if (MONGO_SERVICES.contains(name)) {
                softly.assertThat(condition(dependsOn, MONGO)).as("%s depends_on mongo", name)
                        .isEqualTo("service_healthy");
            }
        });
        services.forEach((name, definition) -> {
            Object dependsOn = asMap(definition, name).get("depends_on");
            if (dependsOn instanceof Map<?, ?> dependencies) {
                dependencies.forEach((target, spec) -> {
                    softly.assertThat(services).as("%s depends on an undefined service", name)
                            .containsKey(String.valueOf(target));
                    if ("service_healthy".equals(condition(asMap(dependsOn, name), String.valueOf(target)))
                            && services.containsKey(String.valueOf(target))) {
                        Object healthcheck = service(String.valueOf(target)).get("healthcheck");
                        softly.assertThat(healthcheck instanceof Map<?, ?> check
                                        && !Boolean.TRUE.equals(check.get("disable"))
                                        && !commandText(check.get("test")).startsWith("NONE"))
                                .as("%s waits for %s to be healthy, so %s needs an enabled healthcheck", name, target,
                                        target)
                                .isTrue();
                    }
                });
            }
        });
        softly.assertAll();
    }

    @Test
    void everyContainerHasLimitsRotatedLogsAndLongRunningOnesARestartPolicy() {
        String init = topicInitService();
        SoftAssertions softly = new SoftAssertions();
        services.forEach((name, definition) -> {
            Map<String, Object> service = asMap(definition, name);
            Object memory = path(service, "deploy", "resources", "limits", "memory");
            softly.assertThat(memory).as("deploy.resources.limits.memory of %s", name).isNotNull();
            if (memory != null) {
                softly.assertThat(String.valueOf(memory)).as("memory limit of %s", name).matches(MEMORY);
            }
            Object cpus = path(service, "deploy", "resources", "limits", "cpus");
            softly.assertThat(cpus).as("deploy.resources.limits.cpus of %s (pools sized to the container)", name)
                    .isNotNull();
            if (cpus != null) {
                softly.assertThat(Double.parseDouble(String.valueOf(cpus))).as("cpus of %s", name).isPositive();
            }
            softly.assertThat(path(service, "logging", "driver")).as("log driver of %s", name).isEqualTo("json-file");
            softly.assertThat(String.valueOf(path(service, "logging", "options", "max-size")))
                    .as("logging.options.max-size of %s: rotated", name).matches(MEMORY);
            softly.assertThat(String.valueOf(path(service, "logging", "options", "max-file")))
                    .as("logging.options.max-file of %s", name).matches("\\d+");
            if (!name.equals(init)) {
                softly.assertThat(service.get("restart")).as("restart policy of %s", name)
                        .isIn("always", "unless-stopped", "on-failure");
            }
        });
        APP_PORTS.keySet().forEach(name -> {
            Duration phase = duration(environment(service(name)).getOrDefault("INOVASI_SHUTDOWN_TIMEOUT", "20s"));
            Object grace = service(name).get("stop_grace_period");
            softly.assertThat(grace).as("stop_grace_period of %s", name).isNotNull();
            if (grace != null) {
                softly.assertThat(duration(String.valueOf(grace)))
                        .as("stop_grace_period of %s covers %d shutdown phases of %s and the JVM's exit", name,
                                SHUTDOWN_PHASES, phase)
                        .isGreaterThanOrEqualTo(phase.multipliedBy(SHUTDOWN_PHASES).plusSeconds(10));
            }
        });
        softly.assertAll();
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        SoftAssertions softly = new SoftAssertions();
        services.forEach((name, definition) -> {
            Object image = asMap(definition, name).get("image");
            if (image != null) {
                softly.assertThat(String.valueOf(image)).as("image of %s: a version tag or a digest, never latest",
                        name).matches(PINNED_IMAGE);
            }
        });
        softly.assertAll();
    }

    @Test
    void scalableServicesDeclareReplicasWithinThePartitionCount() {
        int partitions = topicConstants().partitions();
        SoftAssertions softly = new SoftAssertions();
        SCALABLE_SERVICES.forEach(name -> {
            Object replicas = path(service(name), "deploy", "replicas");
            softly.assertThat(replicas).as("deploy.replicas of %s", name).isInstanceOf(Integer.class);
            if (replicas instanceof Integer count) {
                softly.assertThat(count).as("deploy.replicas of %s", name).isPositive();
                if (name.equals("catalog-service")) {
                    softly.assertThat(count).as("catalog-service replicas beyond the partition count would idle")
                            .isLessThanOrEqualTo(partitions);
                }
            }
        });
        softly.assertAll();
    }

    @Test
    void serverPortOfEveryServiceIsThePortComposeUses() {
        SoftAssertions softly = new SoftAssertions();
        APP_PORTS.forEach((name, port) -> {
            if (configurationPresent(softly, name)) {
                softly.assertThat(serverPort(name))
                        .as("server.port of %s (%s) as compose runs it", name, applicationYml(name)).isEqualTo(port);
            }
        });
        services.forEach((name, definition) -> environment(asMap(definition, name)).forEach((key, value) -> {
            Matcher url = SERVICE_URL.matcher(value);
            if (url.matches() && APP_PORTS.containsKey(url.group(1))) {
                softly.assertThat(Integer.parseInt(url.group(2))).as("port of %s in %s of %s", url.group(1), key, name)
                        .isEqualTo(APP_PORTS.get(url.group(1)));
            }
        }));
        softly.assertAll();
    }

    @Test
    void composeSetsOnlyEnvironmentVariablesTheServicesRead() {
        SoftAssertions softly = new SoftAssertions();
        APP_PORTS.keySet().forEach(name -> {
            if (!configurationPresent(softly, name)) {
                return;
            }
            Set<String> read = placeholderNames(name);
            read.addAll(STANDARD_SPRING_ENV);
            if (usesKafka(name)) {
                read.addAll(STANDARD_KAFKA_ENV);
            }
            softly.assertThat(environment(service(name)).keySet())
                    .as("environment of %s: every name must be read as ${NAME...} in %s or %s, or be one of Boot's "
                            + "standard properties %s", name, applicationYml(name), SHARED_DEFAULTS, STANDARD_SPRING_ENV)
                    .isSubsetOf(read);
        });
        softly.assertAll();
    }

    @Test
    void bootBindsTheManagementPortTheSecretsAndTheGatewayChecksEveryReplicaThere() {
        SoftAssertions softly = new SoftAssertions();
        APP_PORTS.keySet().forEach(name -> {
            Binder binder = binder(environment(service(name)), Map.of());
            softly.assertThat(binder.bind("management.server.port", Integer.class).orElse(null))
                    .as("management.server.port of %s", name).isEqualTo(managementPort(name));
            softly.assertThat(binder.bind("spring.config.import", String[].class).map(List::of).orElse(List.of()))
                    .as("spring.config.import of %s: the secret files as a config tree, required", name)
                    .containsExactly(SECRETS_IMPORT);
        });
        Map<String, String> gateway = environment(service(GATEWAY));
        BACKEND_ENV_PREFIX.forEach((backend, prefix) -> {
            softly.assertThat(gateway.get(prefix + "DNS_NAME"))
                    .as("the gateway finds every %s replica (--scale) by the service's name", backend)
                    .isEqualTo(backend);
            softly.assertThat(gateway.get(prefix + "HEALTH_PORT"))
                    .as("the gateway checks %s's readiness on its management port", backend)
                    .isEqualTo(Integer.toString(managementPort(backend)));
        });
        softly.assertAll();
    }

    @Test
    void composeSetsEveryVariableAServiceRequires() {
        SoftAssertions softly = new SoftAssertions();
        APP_PORTS.keySet().forEach(name -> {
            if (!configurationPresent(softly, name)) {
                return;
            }
            Set<String> required = new TreeSet<>();
            for (Path file : List.of(applicationYml(name), SHARED_DEFAULTS)) {
                for (String value : scalars(readYaml(file))) {
                    Matcher placeholder = REQUIRED_ENV_PLACEHOLDER.matcher(value);
                    while (placeholder.find()) {
                        required.add(placeholder.group(1));
                    }
                }
            }
            Set<String> given = new TreeSet<>(environment(service(name)).keySet());
            given.addAll(secrets(service(name)).keySet());
            softly.assertThat(given).as("environment and secret files of %s: variables read without a default", name)
                    .containsAll(required);
        });
        softly.assertAll();
    }

    @Test
    void servicesShareTheIdentitySecretFileAndReachTheSingleBroker() {
        SoftAssertions softly = new SoftAssertions();
        Set<String> secrets = new LinkedHashSet<>();
        String advertised = environment(service(KAFKA)).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        APP_PORTS.keySet().forEach(name -> {
            Map<String, String> environment = environment(service(name));
            softly.assertThat(environment).as("environment of %s: the identity secret only as a file", name)
                    .doesNotContainKey("INOVASI_IDENTITY_SECRET");
            String secret = secrets(service(name)).get("INOVASI_IDENTITY_SECRET");
            secrets.add(secret);
            softly.assertThat(secret).as("the secret file INOVASI_IDENTITY_SECRET of %s", name).isNotNull();
            softly.assertThat(environment.get("SPRING_CONFIG_IMPORT")).as("SPRING_CONFIG_IMPORT of %s", name)
                    .isEqualTo(SECRETS_IMPORT);
            String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
            softly.assertThat(bootstrap).as("KAFKA_BOOTSTRAP_SERVERS of %s", name).isEqualTo("kafka:9092");
            softly.assertThat(advertised).as("advertised listeners of kafka reachable as %s", bootstrap)
                    .contains("//" + bootstrap);
            softly.assertThat(environment.get("KAFKA_REPLICATION_FACTOR"))
                    .as("KAFKA_REPLICATION_FACTOR of %s (single broker)", name).isEqualTo("1");
            if (!MONGO_SERVICES.contains(name)) {
                softly.assertThat(environment.get("MONGODB_URI")).as("MONGODB_URI of %s, which uses no MongoDB", name)
                        .isNull();
            }
        });
        softly.assertThat(secrets).as("INOVASI_IDENTITY_SECRET must be the same secret for all services").hasSize(1);
        softly.assertThat(commandText(path(service(MONGO), "command"))).as("mongo runs the replica set rs0")
                .contains("--replSet rs0");
        softly.assertAll();
    }

    @Test
    void everyKafkaListenerButALoopbackControllerRequiresScramAuthentication() {
        Map<String, String> kafka = environment(service(KAFKA));
        Map<String, String> protocols = new LinkedHashMap<>();
        for (String entry : kafka.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(",")) {
            String[] pair = entry.trim().split(":", 2);
            if (pair.length == 2) {
                protocols.put(pair[0], pair[1]);
            }
        }
        Set<String> controllers = Set.of(kafka.getOrDefault("KAFKA_CONTROLLER_LISTENER_NAMES", "").split(","));
        SoftAssertions softly = new SoftAssertions();
        List<List<String>> listeners = listeners(softly, kafka.get("KAFKA_LISTENERS"));
        softly.assertThat(listeners).as("KAFKA_LISTENERS of kafka").isNotEmpty();
        boolean controllerOnLoopbackOnly = false;
        for (List<String> listener : listeners) {
            String name = listener.get(0);
            String protocol = protocols.getOrDefault(name, name);
            boolean authenticated = authenticates(kafka, name, protocol);
            if (controllers.contains(name)) {
                controllerOnLoopbackOnly = !authenticated;
                softly.assertThat(authenticated || LOOPBACK.contains(listener.get(1)))
                        .as("controller listener %s (%s): authenticated, or on the container's loopback interface "
                                + "only", listener, protocol).isTrue();
            } else {
                softly.assertThat(authenticated).as("listener %s of kafka (%s): SASL/%s or SSL with client auth",
                        listener, protocol, SCRAM).isTrue();
            }
        }
        for (List<String> advertised : listeners(softly, kafka.get("KAFKA_ADVERTISED_LISTENERS"))) {
            String protocol = protocols.getOrDefault(advertised.get(0), advertised.get(0));
            softly.assertThat(authenticates(kafka, advertised.get(0), protocol))
                    .as("advertised listener %s (%s) requires authentication", advertised, protocol).isTrue();
        }
        if (controllerOnLoopbackOnly) {
            softly.assertThat(List.of(kafka.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "").split(",")))
                    .as("quorum voters of a loopback-only controller listener")
                    .allSatisfy(voter -> assertThat(voter).matches("\\d+@(127\\.0\\.0\\.1|localhost):\\d+"));
        }
        softly.assertThat(List.of(kafka.getOrDefault("KAFKA_SASL_ENABLED_MECHANISMS", "GSSAPI").split(",")))
                .as("KAFKA_SASL_ENABLED_MECHANISMS: SCRAM only (PLAIN would send passwords in the clear)")
                .containsExactly(SCRAM);
        String interBroker = kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME");
        softly.assertThat(SASL_PROTOCOLS).as("protocol of the inter-broker listener %s", interBroker)
                .contains(protocols.get(interBroker));
        softly.assertThat(kafka.get("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL")).isEqualTo(SCRAM);
        String jaasVariable = "KAFKA_LISTENER_NAME_" + interBroker + "_SCRAM___SHA___512_SASL_JAAS_CONFIG";
        softly.assertThat(kafka).as("the broker's own login is no environment entry of the kafka service")
                .doesNotContainKey(jaasVariable);
        Map<String, Object> kafkaService = service(KAFKA);
        String start = mountedScript(softly, kafkaService, commandText(kafkaService.get("entrypoint")));
        softly.assertThat(start).as("start-broker.sh logs the broker in on %s as admin, the password from its secret "
                + "file", interBroker)
                .contains("export " + jaasVariable + "=\"org.apache.kafka.common.security.scram.ScramLoginModule "
                        + "required username=\\\"admin\\\"")
                .contains("${secrets_dir}/" + SCRAM_USER_PREFIX + "ADMIN");
        softly.assertThat(scramUsers(kafkaService)).as("SCRAM users created by kafka").containsKey("admin");
        softly.assertAll();
    }

    @Test
    void kafkaCreatesAScramUserForEachClientAndKafkaInitLogsInAsAdmin() {
        Map<String, Object> kafka = service(KAFKA);
        Map<String, String> users = scramUsers(kafka);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(environment(kafka).keySet()).as("no SCRAM password in kafka's environment")
                .noneMatch(name -> name.startsWith(SCRAM_USER_PREFIX));
        softly.assertThat(users.values()).as("every SCRAM password is a secret read from a variable")
                .allSatisfy(secret -> assertThat(secretVariables()).containsKey(secret));
        String start = mountedScript(softly, kafka, commandText(kafka.get("entrypoint")));
        softly.assertThat(start).as("kafka's entrypoint formats the storage with the SCRAM users, then runs the image")
                .contains("kafka-storage.sh format").contains("--add-scram").contains(SCRAM_USER_PREFIX)
                .contains("/run/secrets").contains("exec /etc/kafka/docker/run");
        softly.assertThat(commandText(path(kafka, "healthcheck", "test"))).as("kafka's healthcheck logs in")
                .contains("--command-config");

        String init = topicInitService();
        Map<String, Object> initService = service(init);
        String script = commandText(initService.get("entrypoint")) + " " + commandText(initService.get("command"));
        String[] invocations = script.split("kafka-topics\\.sh");
        softly.assertThat(invocations).as("kafka-topics.sh invocations of %s", init).hasSizeGreaterThan(1);
        for (int i = 1; i < invocations.length; i++) {
            softly.assertThat(invocations[i]).as("kafka-topics.sh of %s logs in", init).contains("--command-config");
        }
        softly.assertThat(secrets(initService).get(SCRAM_USER_PREFIX + "ADMIN")).as("the admin password of %s",
                init).isEqualTo(users.get("admin"));
        String properties = mountedScript(softly, initService, script);
        softly.assertThat(properties).as("the admin's client properties")
                .contains("security.protocol=SASL_PLAINTEXT").contains("sasl.mechanism=" + SCRAM)
                .contains("ScramLoginModule required").contains("/run/secrets").contains("INOVASI_SCRAM_PASSWORD_ADMIN");
        softly.assertThat(users).as("kafka-exporter's user").containsKey("lag-exporter");
        softly.assertThat(secrets(service(KAFKA_EXPORTER)).get("KAFKA_PASSWORD")).as("kafka-exporter's password")
                .isEqualTo(users.get("lag-exporter"));

        Set<String> serviceUsers = new LinkedHashSet<>();
        APP_PORTS.keySet().forEach(name -> {
            Map<String, String> environment = environment(service(name));
            if (!usesKafka(name)) {
                softly.assertThat(environment.keySet()).as("%s uses no Kafka: no Kafka credentials", name)
                        .doesNotContainAnyElementsOf(STANDARD_KAFKA_ENV);
                return;
            }
            softly.assertThat(environment.get("SPRING_KAFKA_SECURITY_PROTOCOL")).as("security protocol of %s", name)
                    .isIn(SASL_PROTOCOLS);
            softly.assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM"))
                    .as("SASL mechanism of %s", name)
                    .isEqualTo(SCRAM);
            String jaas = environment.getOrDefault("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "");
            Matcher login = SCRAM_JAAS.matcher(jaas);
            softly.assertThat(login.matches()).as("SCRAM login of %s: %s", name, jaas).isTrue();
            if (login.matches()) {
                softly.assertThat(login.group(1)).as("Kafka user of %s: its own", name).isEqualTo(name);
                softly.assertThat(serviceUsers.add(login.group(1))).as("Kafka user %s used once", login.group(1))
                        .isTrue();
                softly.assertThat(users).as("SCRAM users kafka creates: %s with the password (secret) %s reads from "
                        + "the file %s", login.group(1), name, login.group(2))
                        .containsEntry(login.group(1), secrets(service(name)).get(login.group(2)));
            }
        });
        softly.assertAll();
    }

    @Test
    void bootAndTheKafkaBinderBindEachServicesSaslSettingsWithThePasswordFromItsSecretFile(@TempDir Path secretsDir)
            throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (String name : APP_PORTS.keySet().stream().filter(ComposeFileTest::usesKafka).toList()) {
            Map<String, String> files = secretFileValues(service(name));
            Path dir = Files.createDirectories(secretsDir.resolve(name));
            for (Map.Entry<String, String> file : files.entrySet()) {
                // As a secret file may end: with a newline, which the config tree trims.
                Files.writeString(dir.resolve(file.getKey()), file.getValue() + "\n");
            }
            Binder binder = binder(environment(service(name)), Map.of("secrets", dir));
            KafkaProperties kafka = binder.bindOrCreate("spring.kafka", KafkaProperties.class);
            KafkaBinderConfigurationProperties streamBinder = new KafkaBinderConfigurationProperties(kafka,
                    new StaticListableBeanFactory().getBeanProvider(KafkaConnectionDetails.class));
            String password = files.get("KAFKA_PASSWORD");
            softly.assertThat(password).as("%s's secret file KAFKA_PASSWORD", name).isNotNull();
            String expectedLogin = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + name + "\" password=\"" + password + "\";";
            Map<String, Map<String, Object>> clients = orderedConfigs(
                    "Boot's consumer", kafka.buildConsumerProperties(), "Boot's producer",
                    kafka.buildProducerProperties(), "Boot's admin client", kafka.buildAdminProperties(),
                    "the binder's consumer", streamBinder.mergedConsumerConfiguration(), "the binder's producer",
                    streamBinder.mergedProducerConfiguration());
            clients.forEach((client, config) -> softly.assertThat(config).as("%s of %s", client, name)
                    .containsEntry("security.protocol", "SASL_PLAINTEXT")
                    .containsEntry("sasl.mechanism", SCRAM)
                    .containsEntry("sasl.jaas.config", expectedLogin));
            if (MONGO_SERVICES.contains(name)) {
                softly.assertThat(binder.bind("spring.mongodb.uri", String.class).orElse(""))
                        .as("spring.mongodb.uri of %s with the password from its secret file", name)
                        .contains(":" + files.get("MONGODB_PASSWORD") + "@").doesNotContain("${");
            }
            softly.assertThat(binder.bind("inovasi.identity.secret", String.class).orElse(null))
                    .as("inovasi.identity.secret of %s", name).isEqualTo(files.get("INOVASI_IDENTITY_SECRET"));
        }
        softly.assertAll();
    }

    @Test
    void mongoRequiresAuthenticationAndEachServiceLogsInAsItsOwnUser() {
        Map<String, Object> mongo = service(MONGO);
        Map<String, String> environment = environment(mongo);
        Map<String, String> mongoSecrets = secrets(mongo);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(environment.get("MONGO_INITDB_ROOT_USERNAME")).as("root user of mongo").isNotBlank();
        softly.assertThat(environment).as("root password of mongo: only as a file").doesNotContainKey(
                "MONGO_INITDB_ROOT_PASSWORD");
        String rootFile = environment.getOrDefault("MONGO_INITDB_ROOT_PASSWORD_FILE", "");
        softly.assertThat(rootFile).as("MONGO_INITDB_ROOT_PASSWORD_FILE of mongo").startsWith(SECRETS_DIR);
        softly.assertThat(mongoSecrets).as("secrets of mongo").containsKey(rootFile.replace(SECRETS_DIR, ""));
        String command = commandText(mongo.get("command"));
        softly.assertThat(command).as("mongo's command").doesNotContain("--noauth").doesNotContain("--noAuth");
        String start = mountedScript(softly, mongo, commandText(mongo.get("entrypoint")));
        softly.assertThat(start).as("mongo's entrypoint adds the replica set's key file (access control on)")
                .contains("--keyFile").contains("exec docker-entrypoint.sh mongod \"$@\"");
        List<List<String>> mounts = asList(mongo.get("volumes"), "volumes of mongo").stream()
                .map(ComposeFileTest::bindMount).toList();
        Map<String, String> initScripts = new LinkedHashMap<>();
        mounts.stream().filter(mount -> mount.get(1).startsWith("/docker-entrypoint-initdb.d/"))
                .forEach(mount -> initScripts.put(mount.get(0), mount.get(2)));
        softly.assertThat(initScripts).as("mongo's user script, mounted read-only").hasSize(1).containsValue("ro");
        initScripts.keySet().forEach(script -> softly.assertThat(read(REPO_ROOT.resolve(script).normalize()))
                .as(script).contains("createUser").contains("role: 'readWrite', db: database")
                .contains("INOVASI_MONGO_USERS").contains(SECRETS_DIR + MONGO_PASSWORD_PREFIX));
        softly.assertThat(commandText(path(mongo, "healthcheck", "test"))).as("mongo's healthcheck logs in as root")
                .contains(".auth(process.env.MONGO_INITDB_ROOT_USERNAME, "
                        + "require('fs').readFileSync(process.env.MONGO_INITDB_ROOT_PASSWORD_FILE, 'utf8').trim())");

        Map<String, String> users = new LinkedHashMap<>();
        for (String entry : environment.getOrDefault("INOVASI_MONGO_USERS", "").trim().split("\\s+")) {
            String[] userAndDatabase = entry.split("@", 2);
            if (userAndDatabase.length == 2) {
                users.put(userAndDatabase[0], userAndDatabase[1]);
            }
        }
        softly.assertThat(users.keySet()).as("INOVASI_MONGO_USERS of mongo: one user per service using MongoDB")
                .containsExactlyInAnyOrderElementsOf(MONGO_SERVICES);
        MONGO_SERVICES.forEach(name -> {
            String uri = environment(service(name)).getOrDefault("MONGODB_URI", "");
            Matcher parts = MONGO_URI.matcher(uri);
            softly.assertThat(parts.matches()).as("MONGODB_URI of %s: mongodb://<user>:$${<secret file>}@host/?..., "
                    + "is %s", name, uri).isTrue();
            if (!parts.matches()) {
                return;
            }
            String user = parts.group(1);
            String database = mongoDatabase(name);
            softly.assertThat(user).as("MongoDB user of %s: its own", name).isEqualTo(name);
            String secret = secrets(service(name)).get(parts.group(2));
            softly.assertThat(secret).as("MongoDB password of %s: its secret file %s", name, parts.group(2))
                    .isNotNull()
                    .isEqualTo(mongoSecrets.get(MONGO_PASSWORD_PREFIX + user.toUpperCase().replace('-', '_')));
            softly.assertThat(users.get(user)).as("database of the user %s", user).isEqualTo(database);
            softly.assertThat(parts.group(3)).as("host of MONGODB_URI of %s", name).isEqualTo("mongo:27017");
            softly.assertThat(List.of(parts.group(4).split("&"))).as("options of MONGODB_URI of %s", name)
                    .contains("replicaSet=rs0", "authSource=" + database);
        });
        softly.assertThat(command).as("mongo runs the replica set rs0").contains("--replSet rs0");
        softly.assertAll();
    }

    @Test
    void secretsReachTheContainersAsFilesNeverAsEnvironment() {
        SoftAssertions softly = new SoftAssertions();
        for (String value : scalars(List.of(compose))) {
            Matcher variable = ANY_VARIABLE.matcher(value);
            while (variable.find()) {
                softly.assertThat(CREDENTIAL_NAME.matcher(variable.group(1)).find())
                        .as("%s in %s: a credential is a secret, never interpolated into the file", variable.group(1),
                                value).isFalse();
            }
        }
        Map<String, Object> defined = asMap(compose.get("secrets"), "secrets");
        defined.forEach((name, definition) -> softly.assertThat(asMap(definition, "secret " + name).keySet())
                .as("source of the secret %s: a variable (of .env) or a git-ignored file", name)
                .hasSize(1).containsAnyOf("environment", "file"));
        services.forEach((name, definition) -> {
            Map<String, Object> service = asMap(definition, name);
            Map<String, String> files = secrets(service);
            softly.assertThat(defined.keySet()).as("secrets %s mounts", name).containsAll(files.values());
            environment(service).forEach((key, value) -> {
                if (key.endsWith("_FILE") && CREDENTIAL_NAME.matcher(key).find()) {
                    softly.assertThat(value).as("%s of %s: a mounted secret file", key, name)
                            .startsWith(SECRETS_DIR);
                    softly.assertThat(files).as("secrets of %s", name).containsKey(value.replace(SECRETS_DIR, ""));
                } else if (CREDENTIAL_NAME.matcher(key).find() || value.contains("$${")) {
                    Matcher reference = SECRET_REFERENCE.matcher(value);
                    boolean any = false;
                    while (reference.find()) {
                        any = true;
                        softly.assertThat(files).as("%s of %s refers to the secret file %s", key, name,
                                reference.group(1)).containsKey(reference.group(1));
                    }
                    softly.assertThat(any).as("%s of %s names its secret as $${FILE}, never the value", key, name)
                            .isTrue();
                    softly.assertThat(environment(service).get("SPRING_CONFIG_IMPORT"))
                            .as("%s resolves the secret files of %s", name, key).isEqualTo(SECRETS_IMPORT);
                }
            });
        });
        softly.assertAll();
    }

    @Test
    void initServiceCreatesTheTopicsOfTheEventsModule() {
        TopicConstants constants = topicConstants();
        String init = topicInitService();
        Map<String, Object> initService = service(init);
        String script = commandText(initService.get("entrypoint")) + " " + commandText(initService.get("command"));
        Map<String, TopicSpec> created = createdTopics(script);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(condition(asMap(initService.get("depends_on"), "depends_on of " + init), KAFKA))
                .as("%s waits for a healthy kafka", init).isEqualTo("service_healthy");
        softly.assertThat(created.keySet()).as("topics created by %s", init)
                .contains(constants.submissions(), constants.deadLetters(), constants.catalog(),
                        constants.assessments());
        created.forEach((topic, spec) -> {
            softly.assertThat(spec.partitions()).as("--partitions of %s", topic).isEqualTo(constants.partitions());
            softly.assertThat(spec.replicationFactor()).as("--replication-factor of %s", topic).isEqualTo(1);
            softly.assertThat(spec.bootstrap()).as("--bootstrap-server creating %s", topic).isEqualTo("kafka:9092");
        });
        for (String latest : List.of(constants.catalog(), constants.assessments())) {
            if (created.containsKey(latest)) {
                softly.assertThat(created.get(latest).configs()).as("configs of %s: the latest per key", latest)
                        .contains("cleanup.policy=compact");
            }
        }
        for (String events : List.of(constants.submissions(), constants.deadLetters())) {
            if (created.containsKey(events)) {
                softly.assertThat(created.get(events).configs()).as("configs of %s: events must not be compacted away",
                        events).noneMatch(config -> config.startsWith("cleanup.policy=") && config.contains("compact"));
            }
        }
        softly.assertAll();
    }

    @Test
    void gatewayReadsItsClientsFromTheReadOnlyMountedFile() {
        String clientsFile = environment(service(GATEWAY)).get(CLIENTS_FILE_ENV);
        assertThat(clientsFile).as("%s of the gateway", CLIENTS_FILE_ENV).isEqualTo("/config/clients.yml");
        List<Object> volumes = asList(service(GATEWAY).get("volumes"), "volumes of the gateway");
        assertThat(volumes.stream().map(ComposeFileTest::bindMount))
                .as("volumes of the gateway: ./config/clients.yml mounted read-only at %s", clientsFile)
                .contains(List.of("./config/clients.yml", clientsFile, "ro"));

        Map<String, Object> example = asMap(readYaml(CLIENTS_EXAMPLE).get(0), CLIENTS_EXAMPLE.toString());
        List<Object> clients = asList(path(example, "inovasi", "gateway", "clients"), "inovasi.gateway.clients");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(clients).as("clients in %s", CLIENTS_EXAMPLE).isNotEmpty();
        Set<Object> ids = new LinkedHashSet<>();
        for (Object entry : clients) {
            Map<String, Object> client = asMap(entry, "a client in " + CLIENTS_EXAMPLE);
            Object id = client.get("id");
            softly.assertThat(ids.add(id)).as("client id %s is unique", id).isTrue();
            softly.assertThat(client.keySet()).as("fields of client %s", id)
                    .containsExactlyInAnyOrder("id", "roles", "opd-codes", "key-sha256");
            softly.assertThat(String.valueOf(id)).as("id of a client").matches("[a-z0-9][a-z0-9-]*");
            softly.assertThat(asList(client.get("roles"), "roles of " + id)).as("roles of %s", id)
                    .isNotEmpty().allMatch(ROLES::contains);
            List<Object> opdCodes = asList(client.get("opd-codes"), "opd-codes of " + id);
            if (asList(client.get("roles"), "roles of " + id).contains("portal")) {
                softly.assertThat(opdCodes).as("opd-codes of portal %s", id).isNotEmpty();
            }
            softly.assertThat(asList(client.get("key-sha256"), "key-sha256 of " + id)).as("key-sha256 of %s", id)
                    .isNotEmpty().allMatch(hash -> SHA256_HEX.matcher(String.valueOf(hash)).matches());
        }
        softly.assertAll();
    }

    @Test
    void dockerfilesBuildALayeredNonRootImageOfTheModuleJarOnAPinnedJreThatFailsRight() {
        SoftAssertions softly = new SoftAssertions();
        APP_PORTS.forEach((name, port) -> {
            softly.assertThat(String.valueOf(service(name).get("build"))).as("build of %s", name)
                    .isIn("./" + name, name);
            Path dockerfile = REPO_ROOT.resolve(name).resolve("Dockerfile");
            if (!Files.isRegularFile(dockerfile)) {
                softly.fail("%s is missing: docker-compose.yml builds %s from it", dockerfile, name);
                return;
            }
            String text = read(dockerfile);
            softly.assertThat(text).as(dockerfile.toString())
                    .containsPattern("(?m)^COPY target/" + Pattern.quote(name) + "-\\*\\.jar ")
                    .contains("-Djarmode=tools -jar app.jar extract --layers --launcher")
                    .containsPattern("(?m)^EXPOSE " + port + " " + managementPort(name) + "$")
                    .contains("org.springframework.boot.loader.launch.JarLauncher")
                    .containsPattern("(?m)^USER (?!root\\b|0\\b)\\S+")
                    .contains("\"-XX:+ExitOnOutOfMemoryError\"")
                    .containsPattern("\"-XX:MaxDirectMemorySize=\\d+[mk]\"");
            Matcher heap = Pattern.compile("\"-XX:MaxRAMPercentage=(\\d+)\"").matcher(text);
            softly.assertThat(heap.find()).as("%s bounds the heap to a share of the container's memory", dockerfile)
                    .isTrue();
            if (heap.find(0)) {
                softly.assertThat(Integer.parseInt(heap.group(1))).as("MaxRAMPercentage of %s: room left for direct "
                        + "memory, metaspace, code cache and stacks", dockerfile).isLessThanOrEqualTo(60);
            }
            List<String> bases = new ArrayList<>();
            Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(text);
            while (from.find()) {
                bases.add(from.group(1));
            }
            softly.assertThat(bases).as("base images of %s: one pinned Temurin 17 JRE", dockerfile).hasSize(2)
                    .allMatch(PINNED_JRE.asMatchPredicate()).containsOnly(bases.isEmpty() ? "" : bases.get(0));
            List<String> layerCopies = new ArrayList<>();
            Matcher copy = Pattern.compile("(?m)^COPY --from=\\S+ \\S*/extracted/([a-z-]+)/? ").matcher(text);
            while (copy.find()) {
                layerCopies.add(copy.group(1));
            }
            softly.assertThat(layerCopies).as("layers copied by %s, least changed first", dockerfile)
                    .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        });
        softly.assertAll();
    }

    @Test
    void theClusterFileRunsThreeControllerVotersAndEveryTopicWithReplicationThreeAndMinInsyncTwo() {
        Map<String, Object> override = asMap(readYaml(CLUSTER_FILE).get(0), "the root of " + CLUSTER_FILE);
        Map<String, Object> cluster = asMap(merged(services, override.get("services")), "merged services");
        TopicConstants constants = topicConstants();
        SoftAssertions softly = new SoftAssertions();

        Map<String, Map<String, String>> brokers = new LinkedHashMap<>();
        cluster.forEach((name, definition) -> {
            Map<String, Object> service = asMap(definition, name);
            if (String.valueOf(service.get("image")).startsWith("apache/kafka:")
                    && environment(service).containsKey("KAFKA_NODE_ID")) {
                brokers.put(name, environment(service));
            }
        });
        softly.assertThat(brokers.keySet()).as("brokers of %s", CLUSTER_FILE).hasSize(3);
        Set<String> voters = new TreeSet<>();
        Set<String> nodeIds = new TreeSet<>();
        brokers.forEach((name, env) -> {
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            voters.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
            softly.assertThat(env.get("KAFKA_PROCESS_ROLES")).as("roles of %s", name).isEqualTo("broker,controller");
            softly.assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).as("advertised listener of %s", name)
                    .isEqualTo("BROKER://" + name + ":9092");
            softly.assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).as("voters known to %s", name)
                    .contains(env.get("KAFKA_NODE_ID") + "@" + name + ":9093");
            softly.assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).as("protocols of %s: every listener "
                    + "authenticates", name).isEqualTo("BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
            softly.assertThat(env.get("KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL")).isEqualTo("PLAIN");
            softly.assertThat(env.get("KAFKA_SASL_ENABLED_MECHANISMS")).as("clients of %s: SCRAM only", name)
                    .isEqualTo(SCRAM);
            Map<String, String> expected = Map.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3",
                    "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2",
                    "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "3",
                    "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "2", "KAFKA_DEFAULT_REPLICATION_FACTOR", "3",
                    "KAFKA_MIN_INSYNC_REPLICAS", "2", "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            expected.forEach((key, value) -> softly.assertThat(env.get(key)).as("%s of %s", key, name)
                    .isEqualTo(value));
            Map<String, Object> service = asMap(cluster.get(name), name);
            softly.assertThat(secrets(service)).as("secret files of %s", name)
                    .containsKeys("KAFKA_CONTROLLER_PASSWORD", SCRAM_USER_PREFIX + "ADMIN")
                    .containsAllEntriesOf(secrets(service(KAFKA)));
            softly.assertThat(String.valueOf(path(service, "healthcheck", "test"))).as("healthcheck of %s", name)
                    .contains("--command-config");
        });
        softly.assertThat(nodeIds).as("node ids").hasSize(3);
        softly.assertThat(voters).as("one quorum, the same for every broker").hasSize(1);
        softly.assertThat(read(REPO_ROOT.resolve("ops/kafka/start-broker.sh"))).as("start-broker.sh writes the "
                + "controllers' SASL/PLAIN login from its secret file")
                .contains("KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG").contains("KAFKA_CONTROLLER_PASSWORD");

        String bootstrap = String.join(",", brokers.keySet().stream().map(name -> name + ":9092").toList());
        Map<String, Object> init = asMap(cluster.get(topicInitService()), "kafka-init");
        Map<String, TopicSpec> created = createdTopics(commandText(init.get("command")));
        softly.assertThat(created.keySet()).as("topics the cluster's kafka-init creates")
                .contains(constants.submissions(), constants.deadLetters(), constants.catalog(),
                        constants.assessments());
        created.forEach((topic, spec) -> {
            softly.assertThat(spec.partitions()).as("--partitions of %s", topic).isEqualTo(constants.partitions());
            softly.assertThat(spec.replicationFactor()).as("--replication-factor of %s", topic).isEqualTo(3);
            softly.assertThat(spec.configs()).as("configs of %s", topic).contains("min.insync.replicas=2");
            softly.assertThat(spec.bootstrap()).as("--bootstrap-server creating %s", topic).isEqualTo(bootstrap);
        });
        for (String latest : List.of(constants.catalog(), constants.assessments())) {
            softly.assertThat(created.getOrDefault(latest, new TopicSpec(0, 0, "", List.of())).configs())
                    .as("configs of %s", latest).contains("cleanup.policy=compact");
        }

        APP_PORTS.keySet().stream().filter(ComposeFileTest::usesKafka).forEach(name -> {
            Map<String, Object> service = asMap(cluster.get(name), name);
            Map<String, String> env = environment(service);
            softly.assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as("bootstrap of %s", name).isEqualTo(bootstrap);
            Binder binder = binder(env, Map.of());
            softly.assertThat(binder.bind("spring.cloud.stream.kafka.binder.replication-factor", Short.class)
                    .orElse(null)).as("the binder's replication factor in %s", name).isEqualTo((short) 3);
            softly.assertThat(binder.bind("spring.cloud.stream.kafka.binder.auto-create-topics", Boolean.class)
                    .orElse(null)).as("the binder creates no topic in %s", name).isFalse();
            Map<String, Object> dependsOn = asMap(service.get("depends_on"), "depends_on of " + name);
            brokers.keySet().forEach(broker -> softly.assertThat(condition(dependsOn, broker))
                    .as("%s waits for %s", name, broker).isEqualTo("service_healthy"));
        });
        softly.assertAll();
    }

    /** A compose override merged into its base: mappings merged key by key, anything else replaced. */
    private static Object merged(Object base, Object override) {
        if (base instanceof Map<?, ?> baseMap && override instanceof Map<?, ?> overrideMap) {
            Map<String, Object> result = new LinkedHashMap<>();
            baseMap.forEach((key, value) -> result.put(String.valueOf(key), value));
            overrideMap.forEach((key, value) -> result.merge(String.valueOf(key), value, ComposeFileTest::merged));
            return result;
        }
        return override;
    }

    @Test
    void composeFileMatchesTheComposeSpecificationSchema() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(COMPOSE_SCHEMA), () -> "Compose Specification schema not found at "
                + COMPOSE_SCHEMA + " (it lives beside the checkout, in ../shared/schemas, and is never copied into "
                + "the project); schema validation of docker-compose.yml skipped");
        Schema schema;
        try (InputStream in = Files.newInputStream(COMPOSE_SCHEMA)) {
            // The schema's "$id" is relative (compose_spec.json): resolve it against the file's own location.
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(SchemaLocation.of(COMPOSE_SCHEMA.toUri().toString()), in, InputFormat.JSON);
        }
        JsonMapper json = JsonMapper.builder().build();

        Map<String, Object> broken = asMap(json.readValue(json.writeValueAsString(compose), Map.class), "copy");
        Map<String, Object> brokenGateway = asMap(asMap(broken.get("services"), "services").get(GATEWAY), GATEWAY);
        brokenGateway.put("restart", false);
        brokenGateway.put("not_a_compose_key", "x");
        assertThat(schema.validate(json.writeValueAsString(broken), InputFormat.JSON))
                .as("the schema must reject a service with an unknown key and a boolean restart policy").isNotEmpty();

        List<Error> errors = schema.validate(json.writeValueAsString(compose), InputFormat.JSON);
        assertThat(errors).as("%s against %s", COMPOSE_FILE, COMPOSE_SCHEMA).isEmpty();
    }

    record TopicConstants(String submissions, String deadLetters, String catalog, String assessments,
            int partitions) {
    }

    record TopicSpec(int partitions, int replicationFactor, String bootstrap, List<String> configs) {
    }

    static TopicConstants topicConstants() {
        assertThat(TOPICS_SOURCE).as("topic constants of the events module").isRegularFile();
        String source = read(TOPICS_SOURCE);
        Map<String, String> strings = new LinkedHashMap<>();
        Matcher constant = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;")
                .matcher(source);
        while (constant.find()) {
            strings.put(constant.group(1), constant.group(2));
        }
        Matcher partitions = Pattern.compile("static\\s+final\\s+int\\s+PARTITIONS\\s*=\\s*(\\d+)\\s*;")
                .matcher(source);
        assertThat(strings).as("String constants of %s", TOPICS_SOURCE)
                .containsKeys("SUBMISSIONS", "SUBMISSIONS_DEAD_LETTERS", "CATALOG", "ASSESSMENTS");
        assertThat(partitions.find()).as("int PARTITIONS constant in %s", TOPICS_SOURCE).isTrue();
        return new TopicConstants(strings.get("SUBMISSIONS"), strings.get("SUBMISSIONS_DEAD_LETTERS"),
                strings.get("CATALOG"), strings.get("ASSESSMENTS"), Integer.parseInt(partitions.group(1)));
    }

    /** The one service whose command creates topics with kafka-topics.sh. */
    private static String topicInitService() {
        List<String> creators = services.entrySet().stream()
                .filter(entry -> {
                    Map<String, Object> service = asMap(entry.getValue(), entry.getKey());
                    String script = commandText(service.get("entrypoint")) + " " + commandText(service.get("command"));
                    return script.contains("kafka-topics.sh") && script.contains("--create");
                })
                .map(Map.Entry::getKey)
                .toList();
        assertThat(creators).as("services creating topics with kafka-topics.sh --create").hasSize(1);
        return creators.get(0);
    }

    /** Topics of every {@code kafka-topics.sh --create} invocation in a script. */
    static Map<String, TopicSpec> createdTopics(String script) {
        Map<String, TopicSpec> topics = new LinkedHashMap<>();
        for (String invocation : script.split("kafka-topics\\.sh")) {
            List<String> args = List.of(invocation.split("[\\s;&|]+"));
            if (!args.contains("--create")) {
                continue;
            }
            String topic = option(args, "--topic").stream().findFirst()
                    .orElseGet(() -> fail("kafka-topics.sh --create without --topic: " + invocation));
            topics.put(topic, new TopicSpec(
                    Integer.parseInt(option(args, "--partitions").stream().findFirst().orElse("-1")),
                    Integer.parseInt(option(args, "--replication-factor").stream().findFirst().orElse("-1")),
                    option(args, "--bootstrap-server").stream().findFirst().orElse(""),
                    option(args, "--config")));
        }
        return topics;
    }

    /** Values of an option given as {@code --name value} or {@code --name=value}. */
    static List<String> option(List<String> args, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(name) && i + 1 < args.size()) {
                values.add(args.get(i + 1));
            } else if (arg.startsWith(name + "=")) {
                values.add(arg.substring(name.length() + 1));
            }
        }
        return values;
    }

    /** {name, host, port} of each listener in a KAFKA_LISTENERS-style list ({@code NAME://host:port,...}). */
    private static List<List<String>> listeners(SoftAssertions softly, String text) {
        List<List<String>> listeners = new ArrayList<>();
        for (String entry : (text == null ? "" : text).split(",")) {
            Matcher listener = LISTENER.matcher(entry.trim());
            if (listener.matches()) {
                listeners.add(List.of(listener.group(1), listener.group(2), listener.group(3)));
            } else if (!entry.isBlank()) {
                softly.fail("not a listener NAME://host:port: %s", entry);
            }
        }
        return listeners;
    }

    /** Whether a Kafka listener admits only authenticated clients (SASL mechanisms are checked on their own). */
    private static boolean authenticates(Map<String, String> kafka, String listener, String protocol) {
        if (SASL_PROTOCOLS.contains(protocol)) {
            return true;
        }
        String clientAuth = kafka.getOrDefault("KAFKA_LISTENER_NAME_" + listener + "_SSL_CLIENT_AUTH",
                kafka.get("KAFKA_SSL_CLIENT_AUTH"));
        return protocol.equals("SSL") && "required".equals(clientAuth);
    }

    /** The SCRAM users a broker creates (lower case, - for _) and the secret each one's password file is. */
    static Map<String, String> scramUsers(Map<String, Object> kafka) {
        Map<String, String> users = new LinkedHashMap<>();
        secrets(kafka).forEach((file, secret) -> {
            if (file.startsWith(SCRAM_USER_PREFIX)) {
                users.put(file.substring(SCRAM_USER_PREFIX.length()).toLowerCase().replace('_', '-'), secret);
            }
        });
        return users;
    }

    /** The secret files a service gets: file name under /run/secrets (the target) and the compose secret. */
    static Map<String, String> secrets(Map<String, Object> service) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Object entry : asList(service.getOrDefault("secrets", List.of()), "secrets")) {
            if (entry instanceof Map<?, ?> mount) {
                String source = String.valueOf(mount.get("source"));
                files.put(mount.get("target") == null ? source : String.valueOf(mount.get("target")), source);
            } else {
                files.put(String.valueOf(entry), String.valueOf(entry));
            }
        }
        return files;
    }

    /** The variable (of .env or the environment) each compose secret of docker-compose.yml is read from. */
    static Map<String, String> secretVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        asMap(asMap(readYaml(COMPOSE_FILE).get(0), "the root of " + COMPOSE_FILE).get("secrets"), "secrets").forEach((name, definition) -> {
            Object variable = asMap(definition, "secret " + name).get("environment");
            if (variable != null) {
                variables.put(name, String.valueOf(variable));
            }
        });
        return variables;
    }

    /** A service's secret files with the test value of the variable each is read from. */
    static Map<String, String> secretFileValues(Map<String, Object> service) {
        Map<String, String> variables = secretVariables();
        Map<String, String> values = new LinkedHashMap<>();
        secrets(service).forEach((file, secret) -> values.put(file, "test-value-of-" + variables.get(secret)));
        return values;
    }

    /**
     * Boot's view of a service as compose runs it: its environment (compose variables given test values), for each
     * name a config tree directory holding its secret files, and the shared defaults, with placeholders resolved.
     */
    private static Binder binder(Map<String, String> composeEnvironment, Map<String, Path> configTrees) {
        Map<String, Object> environment = new LinkedHashMap<>();
        composeEnvironment.forEach((key, value) -> environment.put(key, interpolated(value)));
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        configTrees.forEach((name, dir) -> sources.addLast(
                new ConfigTreePropertySource(name, dir, ConfigTreePropertySource.Option.AUTO_TRIM_TRAILING_NEW_LINE)));
        try {
            new YamlPropertySourceLoader().load("inovasi-defaults", new FileSystemResource(SHARED_DEFAULTS))
                    .forEach(sources::addLast);
        } catch (IOException e) {
            fail("cannot read %s: %s", SHARED_DEFAULTS, e);
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }

    /** The port actuator listens on under compose: MANAGEMENT_SERVER_PORT, else the service's server.port. */
    private static int managementPort(String module) {
        String port = environment(service(module)).get("MANAGEMENT_SERVER_PORT");
        return port == null ? serverPort(module) : Integer.parseInt(port);
    }

    /** A compose or Spring duration: 60s, 1m, 1m30s, 500ms. */
    static Duration duration(String text) {
        Matcher part = Pattern.compile("(\\d+)(ms|h|m|s)").matcher(text.trim());
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
            end = part.end();
        }
        assertThat(end).as("a duration: %s", text).isPositive().isEqualTo(text.trim().length());
        return total;
    }

    /**
     * The repository files a service's command runs from its read-only bind mounts: for each mount target the
     * command names (or a path below it), the mount's source (plus that path).
     */
    private static String mountedScript(SoftAssertions softly, Map<String, Object> service, String command) {
        StringBuilder scripts = new StringBuilder();
        for (Object volume : asList(service.getOrDefault("volumes", List.of()), "volumes")) {
            List<String> mount = bindMount(volume);
            if (!mount.get(0).startsWith("./")) {
                continue;
            }
            Matcher use = Pattern.compile(Pattern.quote(mount.get(1)) + "(/[\\w./-]+)?").matcher(command);
            while (use.find()) {
                softly.assertThat(mount.get(2)).as("%s is mounted read-only", mount.get(0)).isEqualTo("ro");
                String below = use.group(1) == null ? "" : use.group(1);
                scripts.append(read(REPO_ROOT.resolve(mount.get(0) + below).normalize()));
            }
        }
        softly.assertThat(scripts.toString()).as("scripts from the repository that %s runs", command).isNotEmpty();
        return scripts.toString();
    }

    /** Whether a module talks to Kafka (it configures Spring Cloud Stream bindings). */
    static boolean usesKafka(String module) {
        for (Object document : readYaml(applicationYml(module))) {
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", document, flat);
            if (flat.keySet().stream().anyMatch(key -> key.startsWith("spring.cloud.stream."))) {
                return true;
            }
        }
        return false;
    }

    /** The database a service uses as compose runs it (spring.mongodb.database of its application.yml). */
    private static String mongoDatabase(String module) {
        Object database = null;
        for (Object document : readYaml(applicationYml(module))) {
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", document, flat);
            if (!flat.containsKey("spring.config.activate.on-profile") && flat.containsKey("spring.mongodb.database")) {
                database = flat.get("spring.mongodb.database");
            }
        }
        String text = String.valueOf(database);
        Matcher placeholder = Pattern.compile("^\\$\\{([A-Za-z0-9_.\\-]+):([^}]*)}$").matcher(text);
        if (placeholder.matches()) {
            return environment(service(module)).getOrDefault(placeholder.group(1), placeholder.group(2));
        }
        return text;
    }

    /**
     * A compose value as a container would get it: required variables get a test value, others their default, and
     * {@code $$} is a literal {@code $} (what a Spring placeholder of a secret file needs).
     */
    static String interpolated(String value) {
        Matcher variable = ANY_VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String modifier = variable.group(2);
            String replacement = modifier.startsWith(":-") ? modifier.substring(2)
                    : modifier.startsWith("-") ? modifier.substring(1) : "test-value-of-" + variable.group(1);
            variable.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        variable.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    private static Map<String, Map<String, Object>> orderedConfigs(Object... namesAndConfigs) {
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndConfigs.length; i += 2) {
            configs.put((String) namesAndConfigs[i], asMap(namesAndConfigs[i + 1], (String) namesAndConfigs[i]));
        }
        return configs;
    }

    /** Records a failure naming the missing file unless the module's application.yml and the shared defaults exist. */
    private static boolean configurationPresent(SoftAssertions softly, String module) {
        boolean present = true;
        for (Path file : List.of(applicationYml(module), SHARED_DEFAULTS)) {
            if (!Files.isRegularFile(file)) {
                softly.fail("%s is missing: ComposeFileTest checks the compose service %s against it", file, module);
                present = false;
            }
        }
        return present;
    }

    static Path applicationYml(String module) {
        return REPO_ROOT.resolve(module).resolve("src/main/resources/application.yml");
    }

    /** Every {@code ${NAME} / ${NAME:default}} name in the service's application.yml and the shared defaults. */
    static Set<String> placeholderNames(String module) {
        Set<String> names = new TreeSet<>();
        for (Path file : List.of(applicationYml(module), SHARED_DEFAULTS)) {
            for (String value : scalars(readYaml(file))) {
                Matcher name = PLACEHOLDER_NAME.matcher(value);
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    /** server.port as the service runs under compose: its environment fills a placeholder, else the default. */
    private static int serverPort(String module) {
        return serverPort(module, environment(service(module)));
    }

    /** server.port as the service runs with this environment: it fills a placeholder, else the default. */
    static int serverPort(String module, Map<String, String> environment) {
        Object port = 8080;
        for (Path file : List.of(SHARED_DEFAULTS, applicationYml(module))) {
            for (Object document : readYaml(file)) {
                Map<String, Object> flat = new LinkedHashMap<>();
                flatten("", document, flat);
                if (!flat.containsKey("spring.config.activate.on-profile") && flat.containsKey("server.port")) {
                    port = flat.get("server.port");
                }
            }
        }
        if (port instanceof Integer number) {
            return number;
        }
        String text = String.valueOf(port).trim();
        Matcher placeholder = PORT_PLACEHOLDER.matcher(text);
        if (placeholder.matches()) {
            String given = environment.get(placeholder.group(1));
            if (given != null) {
                return Integer.parseInt(given);
            }
            if (placeholder.group(2) == null) {
                return fail("server.port of %s is %s without a default, and the environment does not set %s", module, text,
                        placeholder.group(1));
            }
            return Integer.parseInt(placeholder.group(2));
        }
        return Integer.parseInt(text);
    }

    static void flatten(String prefix, Object node, Map<String, Object> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) ->
                    flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, node);
        }
    }

    /** Every key and scalar value of the documents, as text (comments are not part of it). */
    private static List<String> scalars(List<Object> documents) {
        List<String> out = new ArrayList<>();
        for (Object document : documents) {
            collectScalars(document, out);
        }
        return out;
    }

    private static void collectScalars(Object node, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                out.add(String.valueOf(key));
                collectScalars(value, out);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectScalars(item, out));
        } else if (node != null) {
            out.add(String.valueOf(node));
        }
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).as("services of %s", COMPOSE_FILE).containsKey(name);
        return asMap(services.get(name), "service " + name);
    }

    /** A service's environment in either compose form (mapping, or list of NAME=value). */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((key, value) ->
                    environment.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (declared instanceof List<?> list) {
            for (Object item : list) {
                String[] pair = String.valueOf(item).split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return environment;
    }

    private static String condition(Map<String, Object> dependsOn, String target) {
        Object dependency = dependsOn.get(target);
        return dependency instanceof Map<?, ?> spec ? String.valueOf(spec.get("condition")) : null;
    }

    /** {source, target, mode} of a bind mount in short or long syntax. */
    private static List<String> bindMount(Object volume) {
        if (volume instanceof Map<?, ?> mount) {
            String mode = Boolean.TRUE.equals(mount.get("read_only")) ? "ro" : "rw";
            return List.of(String.valueOf(mount.get("source")), String.valueOf(mount.get("target")), mode);
        }
        String[] parts = String.valueOf(volume).split(":");
        String mode = parts.length > 2 && List.of(parts[2].split(",")).contains("ro") ? "ro" : "rw";
        return List.of(parts[0], parts.length > 1 ? parts[1] : "", mode);
    }

    /** {published, target} of a port in short ([ip:]published:target[/protocol]) or long syntax. */
    private static int[] publishedAndTarget(Object port) {
        if (port instanceof Map<?, ?> mapping) {
            return new int[] {Integer.parseInt(String.valueOf(mapping.get("published"))),
                    Integer.parseInt(String.valueOf(mapping.get("target")))};
        }
        String[] parts = String.valueOf(port).split("/")[0].split(":");
        assertThat(parts.length).as("port %s publishes a host port", port).isGreaterThanOrEqualTo(2);
        return new int[] {Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1])};
    }

    private static String commandText(Object command) {
        if (command instanceof List<?> parts) {
            return String.join(" ", parts.stream().map(String::valueOf).toList());
        }
        return command == null ? "" : String.valueOf(command);
    }

    static Object path(Map<String, Object> root, String... keys) {
        Object node = root;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node, String what) {
        assertThat(node).as("%s must be a mapping", what).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object node, String what) {
        assertThat(node).as("%s must be a list", what).isInstanceOf(List.class);
        return (List<Object>) node;
    }

    static List<Object> readYaml(Path file) {
        String text = read(file);
        List<Object> documents = new ArrayList<>();
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text).forEach(documents::add);
        return documents;
    }

    static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            return fail("%s is missing; ComposeFileTest checks docker-compose.yml against it", file);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail("cannot read %s: %s", file, e);
        }
    }

    private static Map<String, Integer> orderedMap(Object... keysAndValues) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return map;
    }
}
