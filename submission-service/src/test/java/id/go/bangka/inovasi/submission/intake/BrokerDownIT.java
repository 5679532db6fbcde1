package id.go.bangka.inovasi.submission.intake;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * When the broker goes away after start-up, intake answers 503 with Retry-After, never a 202, and the submission is
 * not reported as received. Uses a broker of its own, stopped before the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BrokerDownIT {

    private static final EmbeddedKafkaKraftBroker BROKER = new EmbeddedKafkaKraftBroker(1, 1);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        BROKER.afterPropertiesSet();
        System.clearProperty("spring.kafka.bootstrap-servers");
        String brokers = BROKER.getBrokersAsString();
        registry.add("spring.kafka.bootstrap-servers", () -> brokers);
        registry.add("spring.mongodb.uri", EmbeddedInfrastructure.get()::mongoUri);
        registry.add("inovasi.identity.secret", () -> Infrastructure.IDENTITY_SECRET);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.destroy();
    }

    @Test
    void answers503WithRetryAfterAndKeepsNothingAsReceived() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port, "submission-service");
        assertThat(api.post("/api/v1/submissions", IntakeContract.portal("broker-up-1"), IntakeContract.PROPOSAL)
                .status()).isEqualTo(202);
        BROKER.destroy();

        Answer answer = api.post("/api/v1/submissions", IntakeContract.portal("broker-down-1"),
                IntakeContract.PROPOSAL);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        String submissionId = SubmissionIds.submissionId("portal-pkm", "broker-down-1").toString();
        assertThat(api.get("/api/v1/submissions/" + submissionId, TestIdentities.reviewer("bappeda")).status())
                .isEqualTo(404);
    }
}
