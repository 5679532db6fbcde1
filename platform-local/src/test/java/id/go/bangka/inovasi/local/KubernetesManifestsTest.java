package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the Kubernetes manifests ({@code deploy/kubernetes}: a kustomize base, a local and a production overlay)
 * without a cluster: every document parses into the Kubernetes object model (fabric8; a field the model does not
 * know fails, as the API server would refuse it), KEDA's resources into records of their documented fields; and the
 * manifests agree with the services' own configuration as {@link ComposeFileTest} checks compose: ports, the
 * management port's probes, environment names, secrets as files, the shutdown budget, scaling bounds, network
 * policies and the topic Job's settings. Where {@code kubectl} is installed, each overlay is also rendered with its
 * kustomize and the output parsed the same way.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = ComposeFileTest.REPO_ROOT.resolve("deploy/kubernetes");
    private static final Path BASE = KUBERNETES.resolve("base");
    private static final List<String> OVERLAYS = List.of("local", "production");
    private static final String KUSTOMIZATION = "kustomization.yaml";
    private static final String MANAGEMENT = "management";
    private static final String HTTP = "http";
    private static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final Set<String> STANDARD_ENV = Set.of("LOGGING_STRUCTURED_FORMAT_CONSOLE",
            "SPRING_CLOUD_STREAM_KAFKA_BINDER_AUTO_CREATE_TOPICS");
    /** The metadata a KEDA kafka trigger accepts (keda.sh, "Apache Kafka" scaler). */
    private static final Set<String> KEDA_KAFKA_METADATA = Set.of("bootstrapServers", "consumerGroup", "topic",
            "lagThreshold", "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers",
            "scaleToZeroOnInvalidOffset", "excludePersistentLag", "version", "partitionLimitation",
            "limitToPartitionsWithLag", "ensureEvenDistributionOfPartitions", "sasl", "tls");
    private static final Map<String, Class<?>> MODEL = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "v1/Secret", Secret.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "batch/v1/Job", Job.class,
            "keda.sh/v1alpha1/ScaledObject", ScaledObject.class,
            "keda.sh/v1alpha1/TriggerAuthentication", TriggerAuthentication.class);
    private static final Pattern JAAS = Pattern.compile("^org\\.apache\\.kafka\\.common\\.security\\.scram"
            + "\\.ScramLoginModule required username=\"([a-z0-9-]+)\" password=\"\\$\\{([A-Z][A-Z0-9_]*)}\";$");
    private static final Pattern MONGO_URI = Pattern.compile(
            "^mongodb://([^:@/]+):\\$\\{([A-Z][A-Z0-9_]*)}@([^/?]+)/?\\?(.*)$");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static List<Object> base;

    @BeforeAll
    static void parseTheBase() {
        base = new ArrayList<>();
        for (Path file : yamlFiles(BASE)) {
            base.addAll(parse(file));
        }
    }

    @Test
    void everyManifestAndPatchParsesIntoTheKubernetesModelWithoutUnknownFields() {
        for (Path file : yamlFiles(KUBERNETES)) {
            assertThat(parse(file)).as("documents of %s", file).isNotEmpty();
        }
        Map<String, Object> misspelt = new LinkedHashMap<>(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "x"), "spec", Map.of("replica", 2)));
        assertThatThrownBy(() -> model(misspelt, "a Deployment with spec.replica"))
                .as("the model refuses a field Kubernetes does not know").isInstanceOf(AssertionError.class)
                .hasMessageContaining("replica");
        Map<String, Object> misspeltKeda = Map.of("apiVersion", "keda.sh/v1alpha1", "kind", "ScaledObject",
                "metadata", Map.of("name", "x"), "spec", Map.of("maxReplicas", 2));
        assertThatThrownBy(() -> model(misspeltKeda, "a ScaledObject with spec.maxReplicas"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxReplicas");
    }

    @Test
    void eachKustomizationListsExistingFilesAndTheBaseListsAllOfIt() {
        SoftAssertions softly = new SoftAssertions();
        Map<String, Object> kustomization = kustomization(BASE);
        Set<String> listed = new TreeSet<>(strings(kustomization.get("resources")));
        Set<String> present = new TreeSet<>();
        yamlFiles(BASE).forEach(file -> present.add(file.getFileName().toString()));
        softly.assertThat(listed).as("resources of %s: every manifest of the base", BASE).isEqualTo(present);
        String gitignore = ComposeFileTest.read(ComposeFileTest.GITIGNORE);
        for (String overlay : OVERLAYS) {
            Path dir = KUBERNETES.resolve("overlays").resolve(overlay);
            Map<String, Object> overlayKustomization = kustomization(dir);
            softly.assertThat(strings(overlayKustomization.get("resources"))).as("resources of the %s overlay",
                    overlay).containsExactly("../../base");
            for (Object patch : list(overlayKustomization.get("patches"))) {
                Object path = ComposeFileTest.asMap(patch, "a patch").get("path");
                if (path != null) {
                    softly.assertThat(dir.resolve(String.valueOf(path))).as("patch of the %s overlay", overlay)
                            .isRegularFile();
                }
            }
            for (Object image : list(overlayKustomization.get("images"))) {
                Map<String, Object> entry = ComposeFileTest.asMap(image, "an image");
                softly.assertThat(entry.get("name") + ":" + entry.get("newTag")).as("image of the %s overlay",
                        overlay).matches(ComposeFileTest.PINNED_IMAGE);
            }
            for (Object generator : list(overlayKustomization.get("secretGenerator"))) {
                for (String file : strings(ComposeFileTest.asMap(generator, "a secret").get("files"))) {
                    String source = file.contains("=") ? file.substring(file.indexOf('=') + 1) : file;
                    softly.assertThat(source).as("secret file of the %s overlay", overlay).startsWith("secrets/");
                }
            }
            softly.assertThat(gitignore).as("git ignores the secret files of the overlays")
                    .containsPattern("(?m)^/?deploy/kubernetes/overlays/\\*/secrets/$");
        }
        softly.assertAll();
    }

    @Test
    void everyServiceRunsAsItsOwnConfigurationSaysOnItsPortsWithProbesOnTheManagementPort() {
        SoftAssertions softly = new SoftAssertions();
        Map<String, String> platform = configMap("inovasi-platform").getData();
        ComposeFileTest.APP_PORTS.forEach((name, composePort) -> {
            Deployment deployment = named(Deployment.class, name);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> environment = environment(container);
            int port = ComposeFileTest.serverPort(name, environment);
            int management = Integer.parseInt(environment.getOrDefault("MANAGEMENT_SERVER_PORT", "-1"));
            softly.assertThat(port).as("server.port of %s", name).isEqualTo(composePort);
            softly.assertThat(containerPort(container, HTTP)).as("port http of %s", name).isEqualTo(port);
            softly.assertThat(containerPort(container, MANAGEMENT)).as("port management of %s", name)
                    .isEqualTo(management).isNotEqualTo(port);
            softly.assertThat(container.getImage()).as("image of %s", name).matches(ComposeFileTest.PINNED_IMAGE);
            Service service = named(Service.class, name);
            Map<String, Integer> servicePorts = new LinkedHashMap<>();
            for (ServicePort servicePort : service.getSpec().getPorts()) {
                servicePorts.put(servicePort.getName(), servicePort.getPort());
                softly.assertThat(servicePort.getTargetPort().getStrVal()).as("target of port %s of the Service %s",
                        servicePort.getName(), name).isEqualTo(servicePort.getName());
            }
            softly.assertThat(servicePorts).as("ports of the Service %s", name)
                    .isEqualTo(Map.of(HTTP, port, MANAGEMENT, management));
            softly.assertThat(service.getSpec().getSelector()).containsEntry(NAME_LABEL, name);

            checkProbe(softly, name, "startup", container.getStartupProbe(), "/actuator/health/liveness");
            checkProbe(softly, name, "readiness", container.getReadinessProbe(), "/actuator/health/readiness");
            checkProbe(softly, name, "liveness", container.getLivenessProbe(), "/actuator/health/liveness");

            Duration phase = ComposeFileTest.duration(platform.get("INOVASI_SHUTDOWN_TIMEOUT"));
            long preStop = container.getLifecycle() == null || container.getLifecycle().getPreStop() == null
                    || container.getLifecycle().getPreStop().getSleep() == null ? 0
                    : container.getLifecycle().getPreStop().getSleep().getSeconds();
            softly.assertThat(preStop).as("preStop sleep of %s: endpoints drop the pod before SIGTERM", name)
                    .isPositive();
            softly.assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                    .as("terminationGracePeriodSeconds of %s: preStop, %d shutdown phases of %s, the JVM's exit",
                            name, ComposeFileTest.SHUTDOWN_PHASES, phase)
                    .isGreaterThanOrEqualTo(preStop + phase.multipliedBy(ComposeFileTest.SHUTDOWN_PHASES)
                            .plusSeconds(10).toSeconds());
            softly.assertThat(container.getResources().getLimits()).as("limits of %s", name)
                    .containsKeys("cpu", "memory");
            softly.assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as("read-only root of %s",
                    name).isTrue();
        });
        softly.assertAll();
    }

    @Test
    void servicesGetOnlyVariablesTheyReadAndEverySecretAsAFile() {
        SoftAssertions softly = new SoftAssertions();
        Map<String, Set<String>> secretKeys = generatedSecretKeys();
        ComposeFileTest.APP_PORTS.keySet().forEach(name -> {
            Container container = named(Deployment.class, name).getSpec().getTemplate().getSpec().getContainers()
                    .get(0);
            Map<String, String> environment = environment(container);
            Set<String> read = ComposeFileTest.placeholderNames(name);
            read.addAll(ComposeFileTest.STANDARD_SPRING_ENV);
            read.addAll(STANDARD_ENV);
            boolean kafka = ComposeFileTest.usesKafka(name);
            if (kafka) {
                read.addAll(ComposeFileTest.STANDARD_KAFKA_ENV);
            }
            if (name.equals("gateway")) {
                ComposeFileTest.BACKEND_ENV_PREFIX.forEach((backend, prefix) -> {
                    softly.assertThat(environment.get(prefix + "DNS_NAME"))
                            .as("the gateway finds every %s replica by its headless Service", backend)
                            .isEqualTo(backend);
                    softly.assertThat(named(io.fabric8.kubernetes.api.model.Service.class, backend).getSpec()
                            .getClusterIP()).as("%s's Service is headless", backend).isEqualTo("None");
                    softly.assertThat(environment.get(prefix + "HEALTH_PORT"))
                            .as("the gateway checks %s's readiness on its management port", backend)
                            .isEqualTo(environment(named(Deployment.class, backend).getSpec().getTemplate()
                                    .getSpec().getContainers().get(0)).get("MANAGEMENT_SERVER_PORT"));
                });
            }
            softly.assertThat(environment.keySet()).as("environment of %s: names it reads", name).isSubsetOf(read);
            softly.assertThat(environment.keySet().stream().anyMatch(key -> key.startsWith("KAFKA_")))
                    .as("%s gets Kafka settings exactly when it uses Kafka", name).isEqualTo(kafka);

            List<Volume> volumes = deploymentVolumes(name);
            Volume secrets = volumes.stream().filter(volume -> container.getVolumeMounts().stream().anyMatch(mount ->
                    mount.getName().equals(volume.getName()) && mount.getMountPath().equals("/run/secrets")
                            && Boolean.TRUE.equals(mount.getReadOnly()))).findFirst().orElse(null);
            softly.assertThat(secrets).as("%s mounts its secrets read-only at /run/secrets", name).isNotNull();
            Set<String> files = new TreeSet<>();
            if (secrets != null && secrets.getProjected() != null) {
                secrets.getProjected().getSources().forEach(source -> files.addAll(
                        secretKeys.getOrDefault(source.getSecret().getName(), Set.of())));
            }
            softly.assertThat(environment.get("SPRING_CONFIG_IMPORT")).as("SPRING_CONFIG_IMPORT of %s", name)
                    .isEqualTo(ComposeFileTest.SECRETS_IMPORT);
            softly.assertThat(files).as("secret files of %s", name).contains("INOVASI_IDENTITY_SECRET");
            Set<String> required = new TreeSet<>();
            for (String value : requiredPlaceholders(name)) {
                required.add(value);
            }
            Set<String> given = new TreeSet<>(environment.keySet());
            given.addAll(files);
            softly.assertThat(given).as("variables %s reads without a default", name).containsAll(required);
            environment.forEach((key, value) -> {
                if (ComposeFileTest.CREDENTIAL_NAME.matcher(key).find()) {
                    softly.assertThat(value).as("%s of %s names its secret file, never the value", key, name)
                            .containsPattern("\\$\\{[A-Z][A-Z0-9_]*}");
                }
            });
            if (kafka) {
                Matcher login = JAAS.matcher(environment.getOrDefault("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", ""));
                softly.assertThat(login.matches()).as("SCRAM login of %s", name).isTrue();
                if (login.matches()) {
                    softly.assertThat(login.group(1)).as("Kafka user of %s", name).isEqualTo(name);
                    softly.assertThat(files).as("secret files of %s", name).contains(login.group(2));
                }
            }
            if (ComposeFileTest.MONGO_SERVICES.contains(name)) {
                Matcher uri = MONGO_URI.matcher(environment.getOrDefault("MONGODB_URI", ""));
                softly.assertThat(uri.matches()).as("MONGODB_URI of %s: %s", name, environment.get("MONGODB_URI"))
                        .isTrue();
                if (uri.matches()) {
                    softly.assertThat(uri.group(1)).as("MongoDB user of %s", name).isEqualTo(name);
                    softly.assertThat(files).as("secret files of %s", name).contains(uri.group(2));
                    softly.assertThat(uri.group(4)).as("options of MONGODB_URI of %s", name).contains("authSource=")
                            .contains("replicaSet=");
                }
            } else {
                softly.assertThat(environment).as("%s uses no MongoDB", name).doesNotContainKey("MONGODB_URI");
            }
        });
        softly.assertAll();
    }

    @Test
    void gatewayAndStatsScaleOnCpuCatalogOnLagCappedAtPartitionsPerThreadsAndEveryServiceHasABudget() {
        SoftAssertions softly = new SoftAssertions();
        ComposeFileTest.APP_PORTS.keySet().forEach(name -> {
            PodDisruptionBudget budget = named(PodDisruptionBudget.class, name);
            softly.assertThat(budget.getSpec().getSelector().getMatchLabels()).as("PodDisruptionBudget of %s", name)
                    .containsEntry(NAME_LABEL, name);
            softly.assertThat(budget.getSpec().getMaxUnavailable() != null || budget.getSpec().getMinAvailable() != null)
                    .isTrue();
        });
        for (String name : List.of("gateway", "stats-service")) {
            HorizontalPodAutoscaler autoscaler = named(HorizontalPodAutoscaler.class, name);
            softly.assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            softly.assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            softly.assertThat(autoscaler.getSpec().getMetrics()).as("metrics of the autoscaler of %s", name)
                    .anySatisfy(metric -> assertThat(metric.getResource().getName()).isEqualTo("cpu"));
        }
        softly.assertThat(all(HorizontalPodAutoscaler.class)).as("no HorizontalPodAutoscaler beside KEDA's")
                .noneMatch(autoscaler -> autoscaler.getSpec().getScaleTargetRef().getName().equals("catalog-service"));

        ComposeFileTest.TopicConstants topics = ComposeFileTest.topicConstants();
        ScaledObject scaled = base.stream().filter(ScaledObject.class::isInstance).map(ScaledObject.class::cast)
                .findFirst().orElseGet(() -> fail("a KEDA ScaledObject"));
        Map<String, String> catalog = environment(named(Deployment.class, "catalog-service").getSpec().getTemplate()
                .getSpec().getContainers().get(0));
        int threads = Integer.parseInt(catalog.getOrDefault("INOVASI_CATALOG_CONSUMER_THREADS", "3"));
        softly.assertThat(scaled.spec().scaleTargetRef().name()).isEqualTo("catalog-service");
        softly.assertThat(scaled.spec().maxReplicaCount() * threads)
                .as("catalog consumers at most: %d replicas x %d threads, the partitions being %d",
                        scaled.spec().maxReplicaCount(), threads, topics.partitions())
                .isEqualTo(topics.partitions());
        Trigger trigger = scaled.spec().triggers().get(0);
        softly.assertThat(trigger.type()).isEqualTo("kafka");
        softly.assertThat(trigger.metadata().keySet()).as("metadata of the kafka trigger")
                .isSubsetOf(KEDA_KAFKA_METADATA);
        softly.assertThat(trigger.metadata()).containsEntry("topic", topics.submissions())
                .containsEntry("consumerGroup", catalogGroup())
                .containsEntry("bootstrapServers", configMap("inovasi-kafka").getData().get("KAFKA_BOOTSTRAP_SERVERS"));
        TriggerAuthentication authentication = base.stream().filter(TriggerAuthentication.class::isInstance)
                .map(TriggerAuthentication.class::cast)
                .filter(candidate -> candidate.metadata().getName().equals(trigger.authenticationRef().name()))
                .findFirst().orElseGet(() -> fail("the TriggerAuthentication " + trigger.authenticationRef().name()));
        Map<String, Set<String>> secretKeys = generatedSecretKeys();
        softly.assertThat(authentication.spec().secretTargetRef()).extracting(SecretTargetRef::parameter)
                .containsExactlyInAnyOrder("sasl", "username", "password");
        authentication.spec().secretTargetRef().forEach(reference -> softly.assertThat(
                secretKeys.getOrDefault(reference.name(), Set.of())).as("Secret %s", reference.name())
                .contains(reference.key()));
        softly.assertAll();
    }

    @Test
    void theTopicJobCreatesTheEventsTopicsWithReplicationThreeAndMinInsyncTwoButLocally() {
        Job job = named(Job.class, "kafka-topics");
        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        String script = String.join(" ", container.getArgs());
        Map<String, String> baseValues = jobValues(container, configMap("inovasi-kafka"));
        SoftAssertions softly = new SoftAssertions();
        checkTopics(softly, "the base (production)", script, baseValues, 3, 2);

        List<Object> local = new ArrayList<>();
        for (Path file : yamlFiles(KUBERNETES.resolve("overlays/local"))) {
            local.addAll(parse(file));
        }
        ConfigMap localKafka = local.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(map -> map.getMetadata().getName().equals("inovasi-kafka")).findFirst().orElseThrow();
        Job localJob = local.stream().filter(Job.class::isInstance).map(Job.class::cast).findFirst().orElseThrow();
        Map<String, String> localValues = new LinkedHashMap<>(baseValues);
        localValues.putAll(localKafka.getData());
        environment(localJob.getSpec().getTemplate().getSpec().getContainers().get(0)).forEach(localValues::put);
        checkTopics(softly, "the local overlay's single broker", script, localValues, 1, 1);
        List<Object> production = new ArrayList<>();
        for (Path file : yamlFiles(KUBERNETES.resolve("overlays/production"))) {
            production.addAll(parse(file));
        }
        softly.assertThat(production).as("the production overlay changes no replication setting")
                .noneMatch(document -> document instanceof ConfigMap || document instanceof Job);
        softly.assertAll();
    }

    /** The topics the Job's script creates with these variables, against the events module's constants. */
    private static void checkTopics(SoftAssertions softly, String where, String script, Map<String, String> values,
            int replication, int minInsync) {
        ComposeFileTest.TopicConstants topics = ComposeFileTest.topicConstants();
        String expanded = script;
        for (String variable : List.of("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_REPLICATION_FACTOR",
                "KAFKA_MIN_INSYNC_REPLICAS")) {
            softly.assertThat(values).as("%s of the topic Job in %s", variable, where).containsKey(variable);
            expanded = expanded.replace("\"$" + variable + "\"", String.valueOf(values.get(variable)));
        }
        softly.assertThat(expanded).as("the script in %s uses only the variables checked here", where)
                .doesNotContain("\"$KAFKA");
        Map<String, ComposeFileTest.TopicSpec> created = ComposeFileTest.createdTopics(expanded);
        softly.assertThat(created.keySet()).as("topics in %s", where)
                .containsExactlyInAnyOrder(topics.submissions(), topics.deadLetters(), topics.catalog(),
                        topics.assessments());
        created.forEach((topic, spec) -> {
            softly.assertThat(spec.partitions()).as("--partitions of %s in %s", topic, where)
                    .isEqualTo(topics.partitions());
            softly.assertThat(spec.replicationFactor()).as("--replication-factor of %s in %s", topic, where)
                    .isEqualTo(replication);
            softly.assertThat(spec.configs()).as("configs of %s in %s", topic, where)
                    .contains("min.insync.replicas=" + minInsync);
            softly.assertThat(spec.bootstrap()).as("bootstrap of %s in %s", topic, where)
                    .isEqualTo(values.get("KAFKA_BOOTSTRAP_SERVERS"));
        });
        if (created.containsKey(topics.catalog())) {
            softly.assertThat(created.get(topics.catalog()).configs()).contains("cleanup.policy=compact");
        }
    }

    @Test
    void networkPoliciesDenyByDefaultAndAllowOnlyThePlatformsPaths() {
        SoftAssertions softly = new SoftAssertions();
        List<NetworkPolicy> policies = all(NetworkPolicy.class);
        softly.assertThat(policies).as("a default deny of everything").anySatisfy(policy -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
            assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
        });
        Map<String, Integer> ports = new LinkedHashMap<>(ComposeFileTest.APP_PORTS);
        softly.assertThat(ingressPorts(policies, "gateway", null)).as("the gateway's API port from anywhere")
                .contains(ports.get("gateway"));
        for (String service : List.of("submission-service", "catalog-service", "stats-service")) {
            softly.assertThat(egressPorts(policies, "gateway", service)).as("the gateway may call %s", service)
                    .contains(ports.get(service));
            softly.assertThat(ingressPorts(policies, service, "gateway")).as("%s accepts the gateway", service)
                    .contains(ports.get(service));
        }
        softly.assertThat(egressPorts(policies, "submission-service", "catalog-service"))
                .as("submission-service asks catalog-service for outcomes").contains(ports.get("catalog-service"));
        softly.assertThat(ingressPorts(policies, "catalog-service", "submission-service"))
                .contains(ports.get("catalog-service"));
        for (String caller : List.of("catalog-service", "stats-service")) {
            softly.assertThat(egressPorts(policies, caller, "submission-service"))
                    .as("%s reads the OPD registry", caller).contains(ports.get("submission-service"));
            softly.assertThat(ingressPorts(policies, "submission-service", caller))
                    .contains(ports.get("submission-service"));
        }
        softly.assertThat(egressPorts(policies, "stats-service", "catalog-service"))
                .as("stats-service calls no catalog-service").doesNotContain(ports.get("catalog-service"));
        ComposeFileTest.APP_PORTS.keySet().forEach(name -> {
            int management = Integer.parseInt(environment(named(Deployment.class, name).getSpec().getTemplate()
                    .getSpec().getContainers().get(0)).get("MANAGEMENT_SERVER_PORT"));
            softly.assertThat(ingressPorts(policies, name, "prometheus")).as("Prometheus scrapes %s", name)
                    .contains(management);
            if (ComposeFileTest.usesKafka(name)) {
                softly.assertThat(egressPorts(policies, name, null)).as("%s reaches Kafka", name).contains(9092);
            }
            if (ComposeFileTest.MONGO_SERVICES.contains(name)) {
                softly.assertThat(egressPorts(policies, name, null)).as("%s reaches MongoDB", name).contains(27017);
            }
        });
        softly.assertThat(egressPorts(policies, "kafka-topics", null)).as("the topic Job reaches Kafka").contains(9092);
        softly.assertThat(egressPorts(policies, "stats-service", null)).as("stats-service uses no MongoDB")
                .doesNotContain(27017);
        softly.assertAll();
    }

    @Test
    void everyOverlayRendersWithKustomizeIntoTheModel(@TempDir Path copy) throws Exception {
        Assumptions.assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl"))),
                "kubectl is not installed: the overlays are checked file by file only");
        copyTree(KUBERNETES, copy);
        for (String overlay : OVERLAYS) {
            Path dir = copy.resolve("overlays").resolve(overlay);
            for (Object generator : list(kustomization(dir).get("secretGenerator"))) {
                for (String file : strings(ComposeFileTest.asMap(generator, "a secret").get("files"))) {
                    Path secret = dir.resolve(file.contains("=") ? file.substring(file.indexOf('=') + 1) : file);
                    Files.createDirectories(secret.getParent());
                    Files.writeString(secret, "test-value");
                }
            }
            Path rendered = copy.resolve(overlay + ".yaml");
            Process kustomize = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectErrorStream(true).redirectOutput(rendered.toFile()).start();
            assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize %s finished", overlay).isTrue();
            assertThat(kustomize.exitValue()).as("kubectl kustomize %s: %s", overlay, Files.readString(rendered))
                    .isZero();
            List<Object> documents = parse(rendered);
            assertThat(documents).as("rendered %s overlay", overlay).hasSizeGreaterThan(base.size());
            assertThat(documents).as("the rendered %s overlay has its namespace", overlay)
                    .allSatisfy(document -> assertThat(metadata(document).getNamespace()).isNotBlank());
        }
    }

    /** KEDA's ScaledObject (keda.sh/v1alpha1), the fields these manifests may use. */
    record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, ScaledObjectSpec spec) {
    }

    record ScaledObjectSpec(ScaleTarget scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount,
            Integer pollingInterval, Integer cooldownPeriod, List<Trigger> triggers) {
    }

    record ScaleTarget(String apiVersion, String kind, String name) {
    }

    record Trigger(String type, Map<String, String> metadata, AuthenticationRef authenticationRef) {
    }

    record AuthenticationRef(String name) {
    }

    /** KEDA's TriggerAuthentication (keda.sh/v1alpha1), secrets only. */
    record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, TriggerAuthenticationSpec spec) {
    }

    record TriggerAuthenticationSpec(List<SecretTargetRef> secretTargetRef) {
    }

    record SecretTargetRef(String parameter, String name, String key) {
    }

    private static void checkProbe(SoftAssertions softly, String name, String kind, Probe probe, String path) {
        softly.assertThat(probe).as("%s probe of %s", kind, name).isNotNull();
        if (probe == null) {
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        softly.assertThat(get.getPath()).as("%s probe path of %s", kind, name).isEqualTo(path);
        softly.assertThat(get.getPort().getStrVal()).as("%s probe port of %s", kind, name).isEqualTo(MANAGEMENT);
    }

    /** A container's environment: the ConfigMaps it takes whole, then its own entries (values or references). */
    private static Map<String, String> environment(Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (container.getEnvFrom() != null) {
            container.getEnvFrom().forEach(source -> environment.putAll(
                    configMap(source.getConfigMapRef().getName()).getData()));
        }
        for (EnvVar variable : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                var reference = variable.getValueFrom().getConfigMapKeyRef();
                environment.put(variable.getName(), configMap(reference.getName()).getData().get(reference.getKey()));
            } else {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        return environment;
    }

    /** The topic Job's variables as the base sets them. */
    private static Map<String, String> jobValues(Container container, ConfigMap kafka) {
        Map<String, String> values = environment(container);
        values.putIfAbsent("KAFKA_REPLICATION_FACTOR", kafka.getData().get("KAFKA_REPLICATION_FACTOR"));
        return values;
    }

    private static Integer containerPort(Container container, String name) {
        return container.getPorts().stream().filter(port -> name.equals(port.getName())).findFirst()
                .map(port -> port.getContainerPort()).orElse(null);
    }

    private static List<Volume> deploymentVolumes(String name) {
        return named(Deployment.class, name).getSpec().getTemplate().getSpec().getVolumes();
    }

    /** The keys of each Secret the overlays generate, the same in every overlay. */
    private static Map<String, Set<String>> generatedSecretKeys() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (String overlay : OVERLAYS) {
            for (Object generator : list(kustomization(KUBERNETES.resolve("overlays").resolve(overlay))
                    .get("secretGenerator"))) {
                Map<String, Object> secret = ComposeFileTest.asMap(generator, "a secret");
                Set<String> names = new TreeSet<>();
                for (String file : strings(secret.get("files"))) {
                    names.add(file.contains("=") ? file.substring(0, file.indexOf('='))
                            : Path.of(file).getFileName().toString());
                }
                for (String literal : strings(secret.get("literals"))) {
                    names.add(literal.substring(0, literal.indexOf('=')));
                }
                Set<String> before = keys.putIfAbsent(String.valueOf(secret.get("name")), names);
                assertThat(before == null || before.equals(names)).as("Secret %s has the same keys in every overlay",
                        secret.get("name")).isTrue();
            }
        }
        return keys;
    }

    private static Set<String> requiredPlaceholders(String module) {
        Set<String> required = new TreeSet<>();
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
        for (Path file : List.of(ComposeFileTest.applicationYml(module), ComposeFileTest.SHARED_DEFAULTS)) {
            String text = ComposeFileTest.read(file);
            Matcher matcher = placeholder.matcher(text);
            while (matcher.find()) {
                required.add(matcher.group(1));
            }
        }
        return required;
    }

    private static String catalogGroup() {
        for (Object document : ComposeFileTest.readYaml(ComposeFileTest.applicationYml("catalog-service"))) {
            Map<String, Object> flat = new LinkedHashMap<>();
            ComposeFileTest.flatten("", document, flat);
            Object group = flat.get("spring.cloud.stream.bindings.applySubmission-in-0.group");
            if (group != null) {
                return String.valueOf(group);
            }
        }
        return fail("catalog-service's consumer group (spring.cloud.stream.bindings.applySubmission-in-0.group)");
    }

    /** Ports the policies let pods named {@code to} accept from pods named {@code from} (null: from anywhere). */
    private static Set<Integer> ingressPorts(List<NetworkPolicy> policies, String to, String from) {
        return allowedPorts(policies, to, from, true);
    }

    /** Ports the policies let pods named {@code from} send to pods named {@code to} (null: any address). */
    private static Set<Integer> egressPorts(List<NetworkPolicy> policies, String from, String to) {
        return allowedPorts(policies, from, to, false);
    }

    private static Set<Integer> allowedPorts(List<NetworkPolicy> policies, String selected, String peer,
            boolean ingress) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (NetworkPolicy policy : policies) {
            if (!selects(policy, selected)) {
                continue;
            }
            List<Map.Entry<List<NetworkPolicyPeer>, List<NetworkPolicyPort>>> rules = ingress
                    ? orEmpty(policy.getSpec().getIngress()).stream()
                            .map(rule -> Map.entry(orEmpty(rule.getFrom()), orEmpty(rule.getPorts()))).toList()
                    : orEmpty(policy.getSpec().getEgress()).stream()
                            .map(rule -> Map.entry(orEmpty(rule.getTo()), orEmpty(rule.getPorts()))).toList();
            rules.stream().filter(rule -> peersMatch(rule.getKey(), peer))
                    .forEach(rule -> rule.getValue().forEach(port -> ports.add(port.getPort().getIntVal())));
        }
        return ports;
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, String name) {
        if (peers.isEmpty()) {
            return name == null || !name.equals("prometheus");
        }
        if (name == null) {
            return false;
        }
        return peers.stream().anyMatch(peer -> peer.getPodSelector() != null && name.equals(
                peer.getPodSelector().getMatchLabels() == null ? null
                        : peer.getPodSelector().getMatchLabels().get(NAME_LABEL)));
    }

    private static boolean selects(NetworkPolicy policy, String name) {
        var selector = policy.getSpec().getPodSelector();
        boolean labels = selector.getMatchLabels() != null && name.equals(selector.getMatchLabels().get(NAME_LABEL));
        boolean expressions = selector.getMatchExpressions() != null && selector.getMatchExpressions().stream()
                .anyMatch(expression -> expression.getKey().equals(NAME_LABEL)
                        && expression.getOperator().equals("In") && expression.getValues().contains(name));
        return labels || expressions;
    }

    private static ConfigMap configMap(String name) {
        return named(ConfigMap.class, name);
    }

    private static <T> List<T> all(Class<T> type) {
        return base.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst()
                .orElseGet(() -> fail("no %s %s in %s", type.getSimpleName(), name, BASE));
    }

    private static ObjectMeta metadata(Object document) {
        if (document instanceof HasMetadata resource) {
            return resource.getMetadata();
        }
        if (document instanceof ScaledObject scaled) {
            return scaled.metadata();
        }
        return ((TriggerAuthentication) document).metadata();
    }

    private static Map<String, Object> kustomization(Path dir) {
        return ComposeFileTest.asMap(ComposeFileTest.readYaml(dir.resolve(KUSTOMIZATION)).get(0),
                dir.resolve(KUSTOMIZATION).toString());
    }

    private static List<Object> list(Object node) {
        return node == null ? List.of() : ComposeFileTest.asList(node, "a list");
    }

    private static List<String> strings(Object node) {
        return list(node).stream().map(String::valueOf).toList();
    }

    /** Every manifest or patch below a directory (kustomizations aside), in a stable order. */
    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals(KUSTOMIZATION))
                    .filter(file -> !file.toString().contains(File.separator + "secrets" + File.separator))
                    .sorted().toList();
        } catch (IOException e) {
            return fail("cannot list %s: %s", dir, e);
        }
    }

    private static List<Object> parse(Path file) {
        List<Object> documents = new ArrayList<>();
        for (Object document : ComposeFileTest.readYaml(file)) {
            if (document != null) {
                documents.add(model(ComposeFileTest.asMap(document, "a document of " + file), file.toString()));
            }
        }
        return documents;
    }

    /** One document as its model class; a field the model lacks fails. */
    private static Object model(Map<String, Object> document, String where) {
        String type = document.get("apiVersion") + "/" + document.get("kind");
        Class<?> modelClass = MODEL.get(type);
        assertThat(modelClass).as("%s in %s: a kind these manifests may use", type, where).isNotNull();
        Object model = JSON.convertValue(document, modelClass);
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(model, type, unknown);
        assertThat(unknown).as("fields the Kubernetes model does not know, in %s", where).isEmpty();
        return model;
    }

    /** fabric8 keeps what it does not know in additionalProperties: walk every getter and collect them. */
    private static void collectUnknownFields(Object node, String path, List<String> unknown) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown));
            return;
        }
        if (node instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                collectUnknownFields(items.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (node == null || !(node.getClass().getName().startsWith("io.fabric8.") || node instanceof Record)) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
                    || !(name.startsWith("get") || node instanceof Record) || name.equals("getClass")
                    || name.equals("hashCode") || name.equals("toString")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                collectUnknownFields(value, path + "." + name, unknown);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.toString().contains(File.separator + "secrets" + File.separator)) {
                    Files.writeString(target, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
    }
}
