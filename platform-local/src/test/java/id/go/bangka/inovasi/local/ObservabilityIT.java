package id.go.bangka.inovasi.local;

import static id.go.bangka.inovasi.local.OtlpTraceReceiver.CLIENT;
import static id.go.bangka.inovasi.local.OtlpTraceReceiver.CONSUMER;
import static id.go.bangka.inovasi.local.OtlpTraceReceiver.PRODUCER;
import static id.go.bangka.inovasi.local.OtlpTraceReceiver.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.local.OtlpTraceReceiver.ReceivedSpan;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tracing, JSON logs and meters through the four real service processes: one trace id from the gateway through
 * submission-service (HTTP), the submissions topic, catalog-service and the snapshot topic to stats-service, seen by an
 * in-test OTLP receiver; ECS JSON log lines of the gateway's access log and the consumer carrying the trace and request
 * ids; each service's named meters; health groups; offsets committed by a graceful stop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String PORTAL_KEY = "obs-portal-key-" + UUID.randomUUID();
    private static final String OPS_KEY = "obs-ops-key-" + UUID.randomUUID();

    private static EmbeddedInfrastructure infrastructure;
    private static OtlpTraceReceiver receiver;
    private static TestPlatform platform;
    private static ApiClient gateway;

    @BeforeAll
    static void startPlatform() throws IOException {
        Path work = Files.createDirectories(TestPlatform.ROOT.resolve("platform-local/target/observability"));
        Path clients = TestPlatform.clientsFile(work, List.of(
                new TestPlatform.Client("portal-dinkes", "portal", List.of("DINKES"), PORTAL_KEY),
                new TestPlatform.Client("ops", "ops", List.of(), OPS_KEY)));
        infrastructure = EmbeddedInfrastructure.startNew();
        receiver = new OtlpTraceReceiver();
        platform = TestPlatform.start(infrastructure, work, clients, Map.of(), Map.of(
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", receiver.endpoint(),
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms",
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"), 1);
        gateway = new ApiClient(platform.gatewayUri());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.stop();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (infrastructure != null) {
            infrastructure.stop();
        }
    }

    @Test
    @Order(1)
    void oneTraceFollowsASubmissionFromTheGatewayToStatsAndTheLogsCarryItAsJson() throws IOException {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String requestId = "obs-" + UUID.randomUUID();
        Answer accepted = gateway.post("/api/v1/submissions", Map.of("X-Api-Key", PORTAL_KEY,
                "Idempotency-Key", UUID.randomUUID().toString(), "X-Request-Id", requestId,
                "traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"),
                Proposals.json("Jejak Sinyal Puskesmas", "DINKES", "HEALTH", 2024));
        assertThat(accepted.status()).isEqualTo(202);

        List<ReceivedSpan> trace = await().atMost(WAIT).until(() -> receiver.spans(traceId),
                spans -> has(spans, "gateway", CLIENT) && has(spans, "submission-service", SERVER)
                        && has(spans, "submission-service", PRODUCER)
                        && has(spans, "catalog-service", CONSUMER, Topics.SUBMISSIONS)
                        && has(spans, "catalog-service", CONSUMER, Topics.CATALOG)
                        && has(spans, "catalog-service", PRODUCER) && has(spans, "stats-service", CONSUMER));
        ReceivedSpan gatewayClient = one(trace, "gateway", CLIENT);
        ReceivedSpan intakeServer = one(trace, "submission-service", SERVER);
        ReceivedSpan intakeProducer = one(trace, "submission-service", PRODUCER);
        ReceivedSpan catalogConsumer = one(trace, "catalog-service", CONSUMER, Topics.SUBMISSIONS);
        ReceivedSpan catalogProducer = one(trace, "catalog-service", PRODUCER);
        ReceivedSpan statsConsumer = one(trace, "stats-service", CONSUMER);
        assertThat(has(trace, "gateway", SERVER)).as("the gateway's own request span").isTrue();
        assertThat(intakeServer.parentSpanId()).as("gateway -> submission-service over HTTP")
                .isEqualTo(gatewayClient.spanId());
        assertThat(catalogConsumer.parentSpanId()).as("submission-service -> Kafka -> catalog-service")
                .isEqualTo(intakeProducer.spanId());
        assertThat(catalogProducer.name()).contains("inovasi.catalog.v1");
        assertThat(statsConsumer.parentSpanId()).as("catalog-service -> Kafka (snapshot) -> stats-service")
                .isEqualTo(catalogProducer.spanId());
        assertThat(one(trace, "catalog-service", CONSUMER, Topics.CATALOG).parentSpanId())
                .as("catalog-service -> Kafka (snapshot) -> catalog-service's own search index")
                .isEqualTo(catalogProducer.spanId());
        assertThat(trace).filteredOn(span -> span.service().equals("stats-service"))
                .as("stats-service: the Kafka consumer's span of the snapshot, no second span for the function it calls")
                .extracting(ReceivedSpan::kind).containsExactly(CONSUMER);

        JsonMapper json = JsonMapper.builder().build();
        for (ServiceProcess service : List.of(platform.gateway, platform.catalog)) {
            String line = Files.readAllLines(service.log()).stream()
                    .filter(l -> l.startsWith("{") && l.contains(traceId) && l.contains(requestId)).findFirst()
                    .orElseThrow(() -> new AssertionError(service.name() + " logged no JSON line with trace "
                            + traceId + " and request " + requestId));
            assertThat(json.readTree(line).get("traceId").asString()).isEqualTo(traceId);
        }
    }

    @Test
    @Order(2)
    void eachServiceExposesItsMetersAfterActivity() {
        gateway.post("/api/v1/submissions", Map.of("X-Api-Key", PORTAL_KEY, "Idempotency-Key",
                UUID.randomUUID().toString()), "{\"title\":\"abc\"}");
        Answer applied = gateway.post("/api/v1/submissions", Map.of("X-Api-Key", PORTAL_KEY, "Idempotency-Key",
                UUID.randomUUID().toString()), Proposals.json("Meteran Gizi Balita", "DINKES", "HEALTH", 2023));
        assertThat(applied.status()).isEqualTo(202);

        await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus(platform.submission))
                .containsPattern("inovasi_submissions_accepted_total\\{[^}]*action=\"CREATE\"")
                .containsPattern("inovasi_submissions_rejected_total\\{[^}]*reason=\"INVALID\"")
                .containsPattern("inovasi_submissions_invalid_fields_total\\{[^}]*field=\"/opdCode\"")
                .contains("http_server_requests_seconds_bucket{", "kafka_producer_record_send_total{"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus(platform.catalog))
                .containsPattern("inovasi_catalog_outcomes_total\\{[^}]*outcome=\"APPLIED\"")
                .contains("inovasi_snapshot_publish_delay_seconds_count{", "inovasi_deadletters_present{",
                        "kafka_consumer_fetch_manager_records_lag_max{", "spring_cloud_stream_binder_kafka_offset{"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus(platform.stats))
                .containsPattern("inovasi_readmodel_rebuild_progress\\{[^}]*model=\"catalog\"[^}]*} 1\\.0")
                .contains("inovasi_readmodel_rebuild_position{", "inovasi_readmodel_rebuild_target{",
                        "kafka_consumer_fetch_manager_records_lag_max{"));
        Answer gatewayMetrics = gateway.get("/actuator/prometheus", Map.of("X-Api-Key", OPS_KEY));
        assertThat(gatewayMetrics.status()).isEqualTo(200);
        assertThat(gatewayMetrics.body().asString()).contains("http_server_requests_seconds_count{");
        assertThat(new ApiClient(platform.gatewayUri()).get("/actuator/prometheus", Map.of()).status())
                .as("without an ops key").isEqualTo(401);
    }

    @Test
    @Order(3)
    void readinessChecksKafkaAndMongoAndLivenessOnlyTheProcess() {
        Map<ServiceProcess, List<String>> readiness = Map.of(
                platform.submission, List.of("mongo", "readinessState"),
                platform.catalog, List.of("mongo", "readModel", "readinessState"),
                platform.stats, List.of("readModel", "readinessState"));
        readiness.forEach((service, members) -> {
            ApiClient client = new ApiClient("http://127.0.0.1:" + service.port());
            Answer ready = client.get("/actuator/health/readiness", Map.of());
            assertThat(ready.status()).as(service.name()).isEqualTo(200);
            assertThat(ready.body().get("components").propertyNames()).as(service.name() + " readiness")
                    .containsExactlyInAnyOrderElementsOf(members);
            assertThat(client.get("/actuator/health/liveness", Map.of()).body().get("components").propertyNames())
                    .as(service.name() + " liveness").containsExactly("livenessState");
        });
    }

    @Test
    @Order(4)
    void aGracefulStopCommitsTheOffsetOfTheRecordJustApplied() throws Exception {
        Answer accepted = gateway.post("/api/v1/submissions", Map.of("X-Api-Key", PORTAL_KEY, "Idempotency-Key",
                UUID.randomUUID().toString()), Proposals.json("Tutup Rapi Posyandu", "DINKES", "HEALTH", 2022));
        String status = "/api/v1/submissions/" + accepted.body().get("submissionId").asString();
        await().atMost(WAIT).until(() -> gateway.get(status, Map.of("X-Api-Key", PORTAL_KEY)),
                a -> a.status() == 200 && "APPLIED".equals(a.body().get("status").asString()));
        platform.catalog.stop();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            for (int p = 0; p < Topics.PARTITIONS; p++) {
                partitions.put(new TopicPartition(Topics.SUBMISSIONS, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp,
                    info.offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("catalog-service")
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            end.forEach((partition, endOffset) -> {
                if (endOffset > 0) {
                    assertThat(committed.get(partition)).as("committed offset of %s", partition).isNotNull();
                    assertThat(committed.get(partition).offset()).as("committed offset of %s", partition)
                            .isEqualTo(endOffset);
                }
            });
        }
    }

    private static String prometheus(ServiceProcess service) {
        return new ApiClient("http://127.0.0.1:" + service.port()).get("/actuator/prometheus", Map.of()).body()
                .asString();
    }

    private static boolean has(List<ReceivedSpan> spans, String service, int kind) {
        return has(spans, service, kind, "");
    }

    private static boolean has(List<ReceivedSpan> spans, String service, int kind, String namePrefix) {
        return spans.stream().anyMatch(s -> s.service().equals(service) && s.kind() == kind
                && s.name().startsWith(namePrefix));
    }

    private static ReceivedSpan one(List<ReceivedSpan> spans, String service, int kind) {
        return one(spans, service, kind, "");
    }

    /** The one span of the service and kind whose name starts with the prefix (a consumer's: its topic). */
    private static ReceivedSpan one(List<ReceivedSpan> spans, String service, int kind, String namePrefix) {
        List<ReceivedSpan> matching = spans.stream().filter(s -> s.service().equals(service) && s.kind() == kind
                && s.name().startsWith(namePrefix)).toList();
        assertThat(matching).as(service + " spans of kind " + kind + " in " + spans).hasSize(1);
        return matching.get(0);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
