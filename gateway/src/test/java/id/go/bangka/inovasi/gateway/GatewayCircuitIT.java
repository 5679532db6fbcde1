package id.go.bangka.inovasi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.support.Http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A ready replica that keeps failing (its connections dropped) opens its service's circuit: the gateway answers 503
 * with Retry-After (its 10 s pause) and sends nothing meanwhile. A gateway of its own (the open circuit would disturb the other
 * tests' calls to the same stub).
 */
class GatewayCircuitIT extends GatewayTestBase {

    @DynamicPropertySource
    static void ownGateway(DynamicPropertyRegistry registry) {
        registry.add("inovasi.test.gateway", () -> "circuit");
    }

    @Test
    void repeatedConnectionFailuresOpenTheServicesCircuitWithRetryAfterAndOnlyThatOne() {
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            replies.add(http.get("/api/v1/innovations/drop", Map.of()));
        }
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        });
        assertThat(replies.get(0).header("Retry-After")).as("the first failures: try again soon").isEqualTo("5");
        Reply open = replies.get(replies.size() - 1);
        assertThat(open.header("Retry-After")).as("the circuit's pause").isEqualTo("10");
        assertThat(open.body()).contains("paused");
        int hits = BACKEND.hits("/api/v1/innovations/drop");
        assertThat(http.get("/api/v1/innovations/drop", Map.of()).body()).contains("paused");
        assertThat(BACKEND.hits("/api/v1/innovations/drop")).as("an open circuit sends nothing").isEqualTo(hits);
        assertThat(http.get("/api/v1/opds", Map.of()).status()).as("each service has its own circuit").isEqualTo(200);
    }
}
