package id.go.bangka.inovasi.catalog.spd;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.SpdRecorded;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.EventSchemaValidator;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Bappeda records the regency's SPD per period; each version reaches {@code inovasi.assessments.v1} keyed by period. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpdIT {

    private static final String PERIOD = "2026";
    private static final String PATH = "/api/v1/review/iid/spd/" + PERIOD;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.get().register(registry);
        registry.add("spring.mongodb.database", () -> "spd-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Test
    void aReviewerRecordsTheSpdAndEachVersionIsPublishedForStats() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port, "catalog-service");
        String body = """
                {"indicators":[{"code":"1","parameter":3,"evidence":"https://bappeda.bangka.go.id/iid/visi.pdf"},
                 {"code":"2a","parameter":2,"evidence":"https://bappeda.bangka.go.id/iid/apbd.pdf"}]}""";

        ApiClient.Answer first = api.put(PATH, TestIdentities.reviewer("reviewer-bappeda"), body);
        ApiClient.Answer second = api.put(PATH, TestIdentities.ops("ops-1"), """
                {"indicators":[{"code":"1","parameter":2,"evidence":"https://bappeda.bangka.go.id/iid/visi.pdf"}]}""");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("version").asLong()).isEqualTo(1);
        assertThat(first.body().get("published").asBoolean()).isTrue();
        assertThat(second.body().get("version").asLong()).isEqualTo(2);
        assertThat(second.body().get("recordedBy").asString()).isEqualTo("ops-1");
        assertThat(api.get(PATH, TestIdentities.reviewer("r")).body().get("indicators")).hasSize(1);

        List<ConsumerRecord<String, byte[]>> records = TopicProbe.await(
                EmbeddedInfrastructure.get().kafkaBootstrapServers(), Topics.ASSESSMENTS,
                r -> PERIOD.equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(records).allSatisfy(r -> {
            assertThat(TopicProbe.header(r, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.SPD_RECORDED);
            assertThat(TopicProbe.header(r, CloudEventHeaders.SUBJECT)).isEqualTo(PERIOD);
            assertThat(EventSchemaValidator.violations(EventTypes.SPD_RECORDED, r.value())).isEmpty();
        });
        SpdRecorded last = EventCodec.decode(records.get(records.size() - 1).value(), SpdRecorded.class);
        assertThat(last.version()).isEqualTo(2);
        assertThat(last.indicators()).containsExactly(
                new SpdRecorded.Indicator("1", 2, "https://bappeda.bangka.go.id/iid/visi.pdf"));
    }

    @Test
    void onlyReviewersAndOpsRecordAndBadRowsAreNamedInOneProblem() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port, "catalog-service");
        String ok = "{\"indicators\":[]}";

        assertThat(api.put(PATH, TestIdentities.portal("portal-dinkes", "DINKES"), ok).status()).isEqualTo(403);
        assertThat(api.put(PATH, TestIdentities.anonymous(), ok).status()).isEqualTo(401);

        ApiClient.Answer bad = api.put(PATH, TestIdentities.reviewer("r"), """
                {"indicators":[{"code":"16","parameter":4,"evidence":"javascript:alert(1)"}]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.body().get("errors").findValuesAsString("pointer")).contains("/indicators/0/code",
                "/indicators/0/parameter", "/indicators/0/evidence");

        ApiClient.Answer twice = api.put("/api/v1/review/iid/spd/26", TestIdentities.reviewer("r"), """
                {"indicators":[{"code":"1","parameter":1,"evidence":"https://x.id/a"},
                 {"code":"1","parameter":2,"evidence":"https://x.id/b"}]}""");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().get("errors").findValuesAsString("pointer")).containsExactly("period",
                "/indicators/1/code");
    }
}
