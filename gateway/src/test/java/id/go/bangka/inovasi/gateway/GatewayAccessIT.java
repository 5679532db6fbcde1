package id.go.bangka.inovasi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.support.Http;
import id.go.bangka.inovasi.gateway.support.Http.Reply;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The route rules: each caller against each route, allowed (reaches the service) or refused by the gateway with a
 * 401 or 403 problem (never reaches it).
 */
class GatewayAccessIT extends GatewayTestBase {

    enum Who {
        ANONYMOUS(Map.of()), PORTAL(key(PORTAL_KEY)), REVIEWER(key(REVIEWER_KEY)), OPS(key(OPS_KEY)),
        PUBLIC_CLIENT(key(PUBLIC_KEY)), METRICS(key(METRICS_KEY));

        final Map<String, String> headers;

        Who(Map<String, String> headers) {
            this.headers = headers;
        }
    }

    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Route SUBMIT = new Route("POST", "/api/v1/submissions");
    private static final Route SUBMISSION_STATUS = new Route("GET", "/api/v1/submissions/4b1f6c2e");
    private static final Route REVISE = new Route("PUT", "/api/v1/innovations/4b1f6c2e");
    private static final Route WITHDRAW = new Route("POST", "/api/v1/innovations/4b1f6c2e/withdrawal");
    private static final Route DECIDE_REVIEW = new Route("POST", "/api/v1/innovations/4b1f6c2e/review");
    private static final Route REVIEW_QUEUE = new Route("GET", "/api/v1/review/queue");
    private static final Route CATALOGUE = new Route("GET", "/api/v1/innovations?field=HEALTH");
    private static final Route INNOVATION = new Route("GET", "/api/v1/innovations/4b1f6c2e");
    private static final Route OPDS = new Route("GET", "/api/v1/opds");
    private static final Route REFERENCE = new Route("GET", "/api/v1/reference/fields");
    private static final Route HISTORY = new Route("GET", "/api/v1/innovations/4b1f6c2e/history");
    private static final Route OPS_TASK = new Route("POST", "/api/v1/ops/snapshots/republish");
    private static final Route EVIDENCE = new Route("GET", "/api/v1/innovations/4b1f6c2e/evidence");
    private static final Route DECLARE_EVIDENCE = new Route("PUT", "/api/v1/innovations/4b1f6c2e/evidence/16");
    private static final Route UPLOAD_EVIDENCE = new Route("POST", "/api/v1/innovations/4b1f6c2e/evidence/16/files");
    private static final Route DELETE_EVIDENCE =
            new Route("DELETE", "/api/v1/innovations/4b1f6c2e/evidence/16/files/f1");
    private static final Route VERIFY_EVIDENCE =
            new Route("POST", "/api/v1/innovations/4b1f6c2e/evidence/16/verification");
    private static final Route EXPORT = new Route("GET", "/api/v1/innovations/export?format=csv");
    private static final Route DELETE_INNOVATION = new Route("DELETE", "/api/v1/innovations/4b1f6c2e");

    /** Everyone but a metrics scraper, which may read metrics only. */
    private static final List<Who> EVERYONE_BUT_METRICS =
            Stream.of(Who.values()).filter(who -> who != Who.METRICS).toList();

    /** Who may use which route; everyone else is refused (401 without credentials, 403 with). */
    private static final Map<Route, List<Who>> ALLOWED = Map.ofEntries(
            Map.entry(SUBMIT, List.of(Who.PORTAL)),
            Map.entry(SUBMISSION_STATUS, List.of(Who.PORTAL, Who.REVIEWER, Who.OPS)),
            Map.entry(REVISE, List.of(Who.PORTAL)),
            Map.entry(WITHDRAW, List.of(Who.PORTAL)),
            Map.entry(DECIDE_REVIEW, List.of(Who.REVIEWER)),
            Map.entry(REVIEW_QUEUE, List.of(Who.REVIEWER)),
            Map.entry(CATALOGUE, EVERYONE_BUT_METRICS),
            Map.entry(INNOVATION, EVERYONE_BUT_METRICS),
            Map.entry(OPDS, EVERYONE_BUT_METRICS),
            Map.entry(REFERENCE, EVERYONE_BUT_METRICS),
            Map.entry(HISTORY, List.of(Who.PORTAL, Who.REVIEWER, Who.OPS, Who.PUBLIC_CLIENT)),
            Map.entry(EVIDENCE, List.of(Who.PORTAL, Who.REVIEWER, Who.OPS, Who.PUBLIC_CLIENT)),
            Map.entry(DECLARE_EVIDENCE, List.of(Who.PORTAL)),
            Map.entry(UPLOAD_EVIDENCE, List.of(Who.PORTAL)),
            Map.entry(DELETE_EVIDENCE, List.of(Who.PORTAL)),
            Map.entry(VERIFY_EVIDENCE, List.of(Who.REVIEWER)),
            Map.entry(EXPORT, EVERYONE_BUT_METRICS),
            Map.entry(OPS_TASK, List.of(Who.OPS)),
            Map.entry(DELETE_INNOVATION, List.of(Who.PORTAL, Who.REVIEWER, Who.OPS, Who.PUBLIC_CLIENT)));

    static Stream<Arguments> matrix() {
        return ALLOWED.entrySet().stream().flatMap(rule -> Stream.of(Who.values())
                .map(who -> Arguments.of(rule.getKey(), who, rule.getValue().contains(who))));
    }

    @ParameterizedTest(name = "{1} {0}: allowed={2}")
    @MethodSource("matrix")
    void eachCallerAgainstEachRoute(Route route, Who who, boolean allowed) {
        String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
        Reply reply = http.send(route.method(), route.path(), who.headers, body);

        if (allowed) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(BACKEND.hits(route.path().replaceAll("\\?.*", ""))).isEqualTo(1);
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(who == Who.ANONYMOUS ? 401 : 403);
            assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(BACKEND.lastPath()).as("refused requests never reach the service").isNull();
        }
    }

    @Test
    void refusalsAreProblemsWithAChallengeForEachAcceptedScheme() {
        Reply anonymous = http.send("POST", "/api/v1/submissions", Map.of(), "{}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.all("WWW-Authenticate"))
                .containsExactly("ApiKey realm=\"inovasi\", header=\"X-Api-Key\"", "Bearer realm=\"inovasi\"");
        assertThat(anonymous.body()).contains("\"status\":401").contains("X-Api-Key");

        Reply forbidden = http.send("POST", "/api/v1/submissions", key(REVIEWER_KEY), "{}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("\"status\":403").contains("bappeda-reviewer");
    }

    @Test
    void missingWrongAndAmbiguousKeysAre401EvenForPublicReads() {
        for (Map<String, String> headers : List.of(key("wrong-key"), key(""),
                Map.of("X-Api-Key", PORTAL_KEY, "Authorization", "Bearer " + token("x", Map.of())))) {
            Reply reply = http.get("/api/v1/innovations", headers);
            assertThat(reply.status()).as(headers.toString()).isEqualTo(401);
            assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        }
        assertThat(BACKEND.lastPath()).isNull();
    }

    @Test
    void unknownPathsAre401ForTheAnonymousAnd404ProblemsForKnownCallers() {
        assertThat(http.get("/api/v1/nothing-here", Map.of()).status()).isEqualTo(401);
        Reply unknown = http.get("/api/v1/nothing-here", key(REVIEWER_KEY));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(http.get("/fallback/catalog-service", key(OPS_KEY)).status())
                .as("the circuit breakers' fallback is internal").isEqualTo(403);
    }

    @Test
    void theWebPagesAreOpenToEveryoneAndOpenNothingElse() {
        Reply page = http.get("/", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Inovasi Bangka");
        String script = page.body().replaceFirst("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        assertThat(http.get(script, Map.of()).status()).isEqualTo(200);
        assertThat(http.get("/favicon.svg", Map.of()).status()).isEqualTo(200);
        assertThat(http.get("/other.html", Map.of()).status()).isEqualTo(401);
        assertThat(BACKEND.lastPath()).as("pages never reach a service").isNull();
    }

    @Test
    void healthIsOpenButOperationalEndpointsNeedTheOpsRole() {
        assertThat(http.get("/actuator/health/readiness", Map.of()).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health", Map.of()).body()).as("no details for the public")
                .doesNotContain("components");
        assertThat(http.get("/actuator/health", key(OPS_KEY)).body()).contains("components");
        assertThat(http.get("/actuator/metrics", Map.of()).status()).isEqualTo(401);
        assertThat(http.get("/actuator/metrics", key(REVIEWER_KEY)).status()).isEqualTo(403);
        assertThat(http.get("/actuator/metrics", key(OPS_KEY)).status()).isEqualTo(200);
    }

    @Test
    void aMetricsClientReadsPrometheusMetricsAndHealthOnly() {
        Reply metrics = http.get("/actuator/prometheus", key(METRICS_KEY));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"gateway\"");
        assertThat(http.get("/actuator/prometheus", key(OPS_KEY)).status()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", Map.of()).status()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", key(REVIEWER_KEY)).status()).isEqualTo(403);
        assertThat(http.get("/actuator/health/readiness", key(METRICS_KEY)).status()).isEqualTo(200);
        for (String path : List.of("/actuator/metrics", "/actuator/env", "/api/v1/ops/dead-letters",
                "/api/v1/innovations", "/api/v1/stats/overview", "/v3/api-docs/catalog", "/")) {
            Reply refused = http.get(path, key(METRICS_KEY));
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.header("Content-Type")).as(path).isEqualTo("application/problem+json");
        }
        assertThat(BACKEND.lastPath()).as("a metrics client never reaches a service").isNull();
    }
}
