package id.go.bangka.inovasi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.go.bangka.inovasi.gateway.auth.ApiKeyRegistry;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's edge behaviour against a recording HTTP backend: who gets through, what identity reaches the service
 * and that it verifies, and problems for everything refused. The end-to-end test covers the real services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIdentityIT {

    private static final String PORTAL_KEY = "portal-key-for-tests-0123456789";
    private static final AtomicReference<com.sun.net.httpserver.Headers> RECEIVED = new AtomicReference<>();
    private static final HttpServer BACKEND = backend();

    @LocalServerPort
    int port;

    ApiClient api;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String backend = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
        registry.add("INOVASI_SUBMISSION_URI", () -> backend);
        registry.add("INOVASI_CATALOG_URI", () -> backend);
        registry.add("INOVASI_STATS_URI", () -> "http://127.0.0.1:" + closedPort());
        registry.add("inovasi.identity.secret", () -> Infrastructure.IDENTITY_SECRET);
        registry.add("inovasi.gateway.clients[0].id", () -> "portal-dinkes");
        registry.add("inovasi.gateway.clients[0].roles[0]", () -> "portal");
        registry.add("inovasi.gateway.clients[0].opd-codes[0]", () -> "DINKES");
        registry.add("inovasi.gateway.clients[0].key-sha256[0]", () -> ApiKeyRegistry.hash(PORTAL_KEY));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpServer backend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                RECEIVED.set(exchange.getRequestHeaders());
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.stop(0);
    }

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port);
        RECEIVED.set(null);
    }

    private static CallerIdentity verifiedAtTheService() {
        var headers = RECEIVED.get();
        return new IdentitySigner(Infrastructure.IDENTITY_SECRET, Duration.ofSeconds(60), Clock.systemUTC())
                .verify(headers::getFirst);
    }

    @Test
    void aPortalKeyBecomesASignedIdentityAndTheKeyStaysAtTheGateway() {
        Answer answer = api.post("/api/v1/submissions", Map.of("X-Api-Key", PORTAL_KEY,
                "X-Inovasi-Roles", "reviewer", "X-Inovasi-Opd-Codes", "*", "X-Request-Id", "req-123"), "{}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Request-Id")).isEqualTo("req-123");
        CallerIdentity identity = verifiedAtTheService();
        assertThat(identity.clientId()).isEqualTo("portal-dinkes");
        assertThat(identity.roles()).containsExactly("portal");
        assertThat(identity.opdCodes()).containsExactly("DINKES");
        assertThat(identity.requestId()).isEqualTo("req-123");
        assertThat(RECEIVED.get().getFirst("X-Api-Key")).isNull();
    }

    @Test
    void anonymousReadsPassAsTheAnonymousPublicWithForgedHeadersRemoved() {
        Answer answer = api.get("/api/v1/innovations", Map.of("X-Inovasi-Client-Id", "bappeda",
                "X-Inovasi-Roles", "reviewer", "X-Inovasi-Identity-Signature", "forged"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Request-Id")).isNotBlank();
        CallerIdentity identity = verifiedAtTheService();
        assertThat(identity.isAnonymous()).isTrue();
        assertThat(identity.roles()).isEmpty();
    }

    @Test
    void writesWithoutAValidKeyAre401Problems() {
        for (Map<String, String> headers : List.of(Map.<String, String>of(),
                Map.of("X-Api-Key", "wrong-key"))) {
            Answer answer = api.post("/api/v1/submissions", headers, "{}");
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(answer.header("WWW-Authenticate")).startsWith("ApiKey");
        }
        assertThat(api.get("/api/v1/innovations", Map.of("X-Api-Key", "wrong-key")).status()).isEqualTo(401);
        assertThat(RECEIVED.get()).isNull();
    }

    @Test
    void anUnreachableServiceIsA503ProblemAndAnUnknownPathA404Problem() {
        Answer down = api.get("/api/v1/stats/overview", Map.of());
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Content-Type")).isEqualTo("application/problem+json");

        Answer unknown = api.get("/api/v1/nothing-here", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
    }
}
