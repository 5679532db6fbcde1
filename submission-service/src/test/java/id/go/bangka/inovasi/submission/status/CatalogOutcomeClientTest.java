package id.go.bangka.inovasi.submission.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentityProperties;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.InvalidIdentityException;
import id.go.bangka.inovasi.platform.identity.SignedIdentity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** submission-service asks catalog-service with an identity it signs itself, acting for its caller. */
class CatalogOutcomeClientTest {

    private static final IdentityProperties IDENTITY = new IdentityProperties(
            "a-test-secret-of-at-least-32-characters", Duration.ofSeconds(60), Duration.ofSeconds(5));
    private static final CallerIdentity CALLER =
            new CallerIdentity("portal-dinkes", Set.of("portal"), Set.of("DINKES"), "req-42");

    private final AtomicReference<Headers> received = new AtomicReference<>();
    private final AtomicReference<String> receivedPath = new AtomicReference<>();
    private HttpServer catalog;

    @BeforeEach
    void catalog() throws IOException {
        catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        catalog.createContext("/", exchange -> {
            received.set(exchange.getRequestHeaders());
            receivedPath.set(exchange.getRequestURI().getRawPath());
            byte[] body = ("{\"submissionId\":\"" + exchange.getRequestURI().getPath().replaceAll(".*/", "")
                    + "\",\"status\":\"APPLIED\",\"reasons\":[],\"version\":1}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        catalog.start();
    }

    @AfterEach
    void stop() {
        catalog.stop(0);
    }

    @Test
    void theCallIsSignedBySubmissionServiceForThisRequestToCatalogServiceActingForTheCaller() {
        UUID id = UUID.randomUUID();
        CatalogOutcomeClient client = new CatalogOutcomeClient(RestClient.builder(),
                new StatusProperties(URI.create("http://127.0.0.1:" + catalog.getAddress().getPort())),
                signer("submission-service"));

        assertThat(client.outcome(id, CALLER)).map(SubmissionStatus::status).contains("APPLIED");

        String path = "/api/v1/submission-outcomes/" + id;
        assertThat(receivedPath.get()).isEqualTo(path);
        Headers headers = received.get();
        SignedIdentity atTheCatalogue = signer("catalog-service").verify(headers::getFirst, "GET", path);
        assertThat(atTheCatalogue.signer()).isEqualTo("submission-service");
        assertThat(atTheCatalogue.identity()).as("the catalogue applies the caller's rights").isEqualTo(CALLER);
        assertThatThrownBy(() -> signer("catalog-service").verify(headers::getFirst, "GET",
                "/api/v1/submission-outcomes/" + UUID.randomUUID())).isInstanceOf(InvalidIdentityException.class);
        assertThatThrownBy(() -> signer("stats-service").verify(headers::getFirst, "GET", path))
                .isInstanceOf(InvalidIdentityException.class);
    }

    private static IdentitySigner signer(String self) {
        return new IdentitySigner(self, IDENTITY, Clock.systemUTC());
    }
}
