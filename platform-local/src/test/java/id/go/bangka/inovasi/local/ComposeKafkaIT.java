package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml's Kafka as the apache/kafka image runs it, without Docker: {@code ops/kafka/start-broker.sh}
 * with the kafka service's environment (ports moved to free ones) and its secret files (test values, in a directory
 * standing in for /run/secrets) formats the storage with the SCRAM users, then hands over to the image's own start, here its configuration step
 * ({@code KafkaDockerWrapper}, from the jars of the same Kafka release) and the broker. kafka-init's admin login and
 * each service's login from compose get in; a client without credentials, or with a wrong password, does not.
 */
class ComposeKafkaIT {

    private static final Path OPS_KAFKA = ComposeFileTest.REPO_ROOT.resolve("ops/kafka");
    private static final List<String> KAFKA_SERVICES =
            List.of("submission-service", "catalog-service", "stats-service");

    @TempDir
    Path directory;

    private Process broker;

    @AfterEach
    void stop() {
        Processes.stopGracefully(broker);
    }

    @Test
    void theServicesScramLoginsGetInAndNothingElseDoes() throws Exception {
        Map<String, Object> services = ComposeFileTest.asMap(
                ComposeFileTest.asMap(ComposeFileTest.readYaml(ComposeFileTest.COMPOSE_FILE).get(0), "root")
                        .get("services"), "services");
        int port = TestPlatform.freePort();
        int controllerPort = TestPlatform.freePort();
        Map<String, String> environment = new HashMap<>();
        ComposeFileTest.environment(ComposeFileTest.asMap(services.get("kafka"), "kafka")).forEach((name, value) ->
                environment.put(name, ComposeFileTest.interpolated(value).replace("//kafka:", "//127.0.0.1:")
                        .replace(":9092", ":" + port).replace(":9093", ":" + controllerPort)));
        environment.put("KAFKA_LOG_DIRS", directory.resolve("data").toString());
        Path secrets = Files.createDirectories(directory.resolve("secrets"));
        Map<String, String> brokerSecrets =
                ComposeFileTest.secretFileValues(ComposeFileTest.asMap(services.get("kafka"), "kafka"));
        for (Map.Entry<String, String> file : brokerSecrets.entrySet()) {
            Files.writeString(secrets.resolve(file.getKey()), file.getValue());
        }
        environment.put("INOVASI_SECRETS_DIR", secrets.toString());
        Path log = directory.resolve("kafka.log");

        ProcessBuilder start = new ProcessBuilder("bash", startScript().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        start.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("INOVASI_"));
        start.environment().putAll(environment);
        broker = start.start();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            assertThat(broker.isAlive()).as("the broker runs; see %s:%n%s", log, Files.readString(log)).isTrue();
            return listening(port);
        });
        String bootstrap = "127.0.0.1:" + port;

        Map<String, Object> kafkaInit = adminLogin(bootstrap, secrets);
        try (Admin admin = Admin.create(kafkaInit)) {
            admin.createTopics(List.of(new NewTopic("compose-check", 1, (short) 1))).all().get();
            assertThat(admin.describeUserScramCredentials().all().get().keySet()).as("SCRAM users")
                    .containsExactlyInAnyOrder("admin", "submission-service", "catalog-service", "stats-service",
                            "lag-exporter");
        }
        Map<String, Map<String, Object>> logins = new HashMap<>();
        for (String name : KAFKA_SERVICES) {
            logins.put(name, serviceLogin(bootstrap, ComposeFileTest.asMap(services.get(name), name)));
            try (Admin client = Admin.create(logins.get(name))) {
                assertThat(client.describeCluster().clusterId().get()).as("%s gets in", name)
                        .isEqualTo(environment.get("CLUSTER_ID"));
            }
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(logins.get("submission-service"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("compose-check", "key", "Soltan")).get();
        }
        Map<String, Object> consumer = new HashMap<>(logins.get("catalog-service"));
        consumer.put("group.id", "compose-check");
        consumer.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> catalog = new KafkaConsumer<>(consumer, new StringDeserializer(),
                new StringDeserializer())) {
            catalog.subscribe(Set.of("compose-check"));
            List<String> values = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                catalog.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
                assertThat(values).as("what catalog-service reads").containsExactly("Soltan");
            });
        }

        Map<String, Object> wrongPassword = new HashMap<>(logins.get("submission-service"));
        wrongPassword.put("sasl.jaas.config", String.valueOf(wrongPassword.get("sasl.jaas.config"))
                .replaceAll("password=\"[^\"]*\"", "password=\"not-the-password\""));
        assertThatThrownBy(() -> clusterId(wrongPassword)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SaslAuthenticationException.class);
        Map<String, Object> anonymous = Map.of("bootstrap.servers", bootstrap, "default.api.timeout.ms", 5000,
                "request.timeout.ms", 4000);
        assertThatThrownBy(() -> clusterId(anonymous)).as("a client without credentials")
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
    }

    /**
     * start-broker.sh with the image's paths pointed at stand-ins: kafka-storage.sh and the image's start
     * (KafkaDockerWrapper's configuration and format step, tolerating a formatted storage as the image's launch
     * script does, then the broker), both on this module's Kafka jars.
     */
    private Path startScript() throws IOException {
        String classpath = LocalKafka.classpath() + File.pathSeparator + Stream.of(
                System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("snakeyaml")).findFirst().orElse("");
        String java = "'" + Processes.java() + "' -Xmx384m -XX:+UseSerialGC -cp '" + classpath + "'";
        Path image = Files.createDirectories(directory.resolve("image"));
        for (String dir : List.of("default", "mounted", "final")) {
            Files.createDirectories(image.resolve(dir));
        }
        Files.writeString(image.resolve("kafka-storage.sh"), "exec " + java + " kafka.tools.StorageTool \"$@\"\n");
        String setup = java + " kafka.docker.KafkaDockerWrapper setup --default-configs-dir " + image.resolve("default")
                + " --mounted-configs-dir " + image.resolve("mounted")
                + " --final-configs-dir " + image.resolve("final");
        Files.writeString(image.resolve("run"), String.join("\n",
                "result=$(" + setup + " 2>&1) || echo \"$result\" | grep -qi 'already formatted' "
                        + "|| { echo \"$result\"; exit 1; }",
                "exec " + java + " kafka.Kafka " + image.resolve("final/server.properties"), ""));

        String original = Files.readString(OPS_KAFKA.resolve("start-broker.sh"));
        Map<String, String> standIns = Map.of(
                "/opt/kafka/bin/kafka-storage.sh", "bash " + image.resolve("kafka-storage.sh"),
                "exec /etc/kafka/docker/run", "exec bash " + image.resolve("run"),
                "/opt/inovasi/kafka/", OPS_KAFKA + "/",
                "/tmp/inovasi-admin.properties", directory.resolve("admin.properties").toString());
        String script = original;
        for (Map.Entry<String, String> standIn : standIns.entrySet()) {
            assertThat(original).as("start-broker.sh uses the image's %s", standIn.getKey()).contains(standIn.getKey());
            script = script.replace(standIn.getKey(), standIn.getValue());
        }
        return Files.writeString(directory.resolve("start-broker.sh"), script);
    }

    /** kafka-init's login: the properties ops/kafka/admin-client-properties.sh prints. */
    private Map<String, Object> adminLogin(String bootstrap, Path secrets) throws Exception {
        ProcessBuilder print = new ProcessBuilder("bash", OPS_KAFKA.resolve("admin-client-properties.sh").toString())
                .redirectOutput(directory.resolve("admin-client.properties").toFile());
        print.environment().put("INOVASI_SECRETS_DIR", secrets.toString());
        assertThat(print.start().waitFor()).as("admin-client-properties.sh exit code").isZero();
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve("admin-client.properties"))) {
            properties.load(in);
        }
        Map<String, Object> config = new HashMap<>();
        properties.forEach((key, value) -> config.put(String.valueOf(key), value));
        config.put("bootstrap.servers", bootstrap);
        return config;
    }

    /**
     * A service's login: the standard Spring properties compose sets, as Kafka client settings, its password
     * placeholder filled from its secret file as Spring's config tree does.
     */
    private static Map<String, Object> serviceLogin(String bootstrap, Map<String, Object> service) {
        Map<String, String> environment = ComposeFileTest.environment(service);
        String password = ComposeFileTest.secretFileValues(service).get("KAFKA_PASSWORD");
        return Map.of("bootstrap.servers", bootstrap,
                "security.protocol", environment.get("SPRING_KAFKA_SECURITY_PROTOCOL"),
                "sasl.mechanism", environment.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM"),
                "sasl.jaas.config",
                ComposeFileTest.interpolated(environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                        .replace("${KAFKA_PASSWORD}", String.valueOf(password)));
    }

    private static String clusterId(Map<String, Object> config) throws Exception {
        Map<String, Object> bounded = new HashMap<>(config);
        bounded.putIfAbsent("default.api.timeout.ms", 5000);
        bounded.putIfAbsent("request.timeout.ms", 4000);
        try (Admin client = Admin.create(bounded)) {
            return client.describeCluster().clusterId().get();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
