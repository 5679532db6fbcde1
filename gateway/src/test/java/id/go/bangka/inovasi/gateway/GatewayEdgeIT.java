package id.go.bangka.inovasi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.support.Http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Edge behaviour: rate limits with their headers and recovery, CORS for dashboards, the body limit, per-route
 * timeouts, circuit breakers with problem fallbacks, no retried writes, the single OpenAPI surface and the event
 * contract.
 */
class GatewayEdgeIT extends GatewayTestBase {

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfterAndRecovers() throws InterruptedException {
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replies.add(http.get("/api/v1/innovations", key(THROTTLED_KEY)));
        }
        Reply first = replies.get(0);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Limit")).isEqualTo("2");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("1");
        Reply refused = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(refused.header("RateLimit-Reset")).isEqualTo(refused.header("Retry-After"));
        assertThat(http.get("/api/v1/innovations", key(PORTAL_KEY)).status())
                .as("another client has its own bucket").isEqualTo(200);

        Thread.sleep(retryAfter * 1000);
        assertThat(http.get("/api/v1/innovations", key(THROTTLED_KEY)).status()).isEqualTo(200);
    }

    @Test
    void aConfiguredDashboardOriginPassesPreflightOthersDoNot() {
        Reply preflight = http.send("OPTIONS", "/api/v1/submissions", Map.of("Origin", DASHBOARD_ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "x-api-key,content-type"),
                null);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.all("Access-Control-Allow-Origin")).containsExactly(DASHBOARD_ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("x-api-key");
        assertThat(BACKEND.lastPath()).as("preflights are answered by the gateway").isNull();

        Reply foreign = http.send("OPTIONS", "/api/v1/submissions", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST"), null);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();

        Reply read = http.get("/api/v1/innovations", Map.of("Origin", DASHBOARD_ORIGIN));
        assertThat(read.all("Access-Control-Allow-Origin")).containsExactly(DASHBOARD_ORIGIN);
        assertThat(read.header("Access-Control-Expose-Headers")).contains("X-Request-Id").contains("Retry-After");
    }

    @Test
    void bodiesOverTheLimitAre413ProblemsWithOrWithoutALength() {
        String large = "{\"title\":\"" + "x".repeat(MAX_BODY_BYTES) + "\"}";
        Reply declared = http.send("POST", "/api/v1/submissions", key(PORTAL_KEY), large);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(BACKEND.lastPath()).isNull();

        Reply chunked = http.sendChunked("POST", "/api/v1/submissions", key(PORTAL_KEY), large.getBytes());
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.header("Content-Type")).isEqualTo("application/problem+json");

        assertThat(http.send("POST", "/api/v1/submissions", key(PORTAL_KEY), "{\"title\":\"small\"}").status())
                .isEqualTo(200);
    }

    @Test
    void fileUploadsHaveTheirOwnLargerLimit() {
        String upload = "/api/v1/innovations/4b1f6c2e/evidence/16/files";
        Map<String, String> headers = with(key(PORTAL_KEY), "Content-Type", "application/octet-stream");
        assertThat(http.send("POST", upload, headers, "x".repeat(MAX_BODY_BYTES * 2)).status()).isEqualTo(200);
        assertThat(BACKEND.lastPath()).isEqualTo(upload);

        Reply tooLarge = http.send("POST", upload, headers, "x".repeat(MAX_UPLOAD_BYTES + 1));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).contains(Integer.toString(MAX_UPLOAD_BYTES));
    }

    @Test
    void aSlowServiceIsA504ProblemAfterItsRoutesTimeout() {
        long start = System.nanoTime();
        Reply reply = http.get("/api/v1/innovations/slow", Map.of());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(millis).as("the catalogue route's 1.5 s timeout, not the 3 s answer").isBetween(1400L, 2900L);
    }

    @Test
    void aWriteIsNeverRetriedWhenTheServiceDropsTheConnection() {
        Reply reply = http.send("POST", "/api/v1/innovations/drop/withdrawal", key(PORTAL_KEY), "{}");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(BACKEND.hits("/api/v1/innovations/drop/withdrawal")).isEqualTo(1);
    }

    @Test
    void aServiceWithoutAReadyReplicaIs503WithRetryAfterAndItsCircuitStaysClosed() {
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            replies.add(http.get("/api/v1/stats/overview", Map.of()));
        }
        assertThat(replies).as("more than the circuit's minimum of 10 calls, none sent to a replica")
                .allSatisfy(reply -> {
                    assertThat(reply.status()).isEqualTo(503);
                    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
                    assertThat(reply.body()).as("no replica is ready: the health check found none")
                            .contains("No replica of the stats-service is ready");
                    assertThat(reply.header("Retry-After")).isEqualTo("5");
                });
    }

    @Test
    void swaggerUiListsEveryServicesDocumentAndEachIsRoutedToItsService() {
        Reply ui = http.get("/swagger-ui.html", Map.of());
        assertThat(ui.status()).isEqualTo(302);
        Reply page = http.get(ui.header("Location"), Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");

        Reply initializer = http.get("/swagger-ui/swagger-initializer.js", Map.of());
        Matcher configUrl = Pattern.compile("\"configUrl\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(initializer.body());
        assertThat(configUrl.find()).as(initializer.body()).isTrue();
        Reply config = http.get(configUrl.group(1), Map.of());
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("/v3/api-docs/submissions").contains("/v3/api-docs/catalog")
                .contains("/v3/api-docs/stats");

        assertThat(http.get("/v3/api-docs/catalog", Map.of()).status()).isEqualTo(200);
        assertThat(BACKEND.lastPath()).isEqualTo("/v3/api-docs");
        Reply missing = http.get("/v3/api-docs/stats", Map.of());
        assertThat(missing.status()).as("no stats replica is ready here: a problem, the UI still loads")
                .isEqualTo(503);
        assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void theEventContractIsPublicWithTheSchemasItRefersTo() {
        Reply asyncApi = http.get("/asyncapi/inovasi.asyncapi.yaml", Map.of());
        assertThat(asyncApi.status()).isEqualTo(200);
        assertThat(asyncApi.body()).startsWith("# The platform's Kafka contract as AsyncAPI 3.0.")
                .contains("asyncapi: 3.0.0")
                .contains("$ref: '../schemas/inovasi.submission.received.v1.schema.json'");
        Reply schema = http.get("/schemas/inovasi.submission.received.v1.schema.json", Map.of());
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.body()).contains(
                "\"$id\": \"https://inovasi.bangka.go.id/schemas/inovasi.submission.received.v1.schema.json\"");
        assertThat(http.get("/schemas/../application.yml", Map.of()).status()).isIn(400, 404);
    }
}
