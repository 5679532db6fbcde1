package id.go.bangka.inovasi.platform.opd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.go.bangka.inovasi.platform.identity.IdentityProperties;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.InvalidIdentityException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class OpdRegistryClientTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-characters!";
    private static final IdentitySigner STATS = signer("stats-service");
    private static final IdentitySigner SUBMISSION_SERVICE = signer("submission-service");

    private final AtomicInteger reads = new AtomicInteger();
    private HttpServer registry;
    private volatile boolean down;
    private volatile String opds = "[{\"code\":\"DINKES\",\"name\":\"Dinas Kesehatan\",\"kind\":\"DINAS\"}]";

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.stop(0);
        }
    }

    @Test
    void namesTheRegisteredOpdsAsTheRegistryListsThemAskingWithThisServicesSignedIdentity() {
        OpdNames names = client(startRegistry(), Duration.ofMinutes(5), Clock.systemUTC()).names();

        assertThat(names.of("DINKES")).as("only a request signed for submission-service is answered")
                .isEqualTo("Dinas Kesehatan");
        assertThat(names.of("GONE")).isNull();
    }

    @Test
    void theNamesServeUntilTheRefreshIntervalHasPassed() {
        MutableClock clock = new MutableClock();
        OpdRegistryClient client = client(startRegistry(), Duration.ofMinutes(5), clock);
        client.names();
        opds = "[{\"code\":\"DINKES\",\"name\":\"Dinas Kesehatan Kabupaten Bangka\"}]";

        clock.advance(Duration.ofMinutes(4));
        assertThat(client.names().of("DINKES")).isEqualTo("Dinas Kesehatan");
        assertThat(reads).hasValue(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(client.names().of("DINKES")).isEqualTo("Dinas Kesehatan Kabupaten Bangka");
        assertThat(reads).hasValue(2);
    }

    @Test
    void theNamesLastReadServeWhileTheRegistryCannotBeRead() {
        OpdRegistryClient client = client(startRegistry(), Duration.ZERO, Clock.systemUTC());
        client.names();

        down = true;

        assertThat(client.names().of("DINKES")).as("read again (refresh 0), failed, last names")
                .isEqualTo("Dinas Kesehatan");
    }

    @Test
    void anUnreachableRegistryNeverReadIsUnavailable() {
        OpdRegistryClient client = client("http://127.0.0.1:" + closedPort(), Duration.ZERO, Clock.systemUTC());

        assertThatThrownBy(client::names).isInstanceOf(OpdRegistryUnavailableException.class);
    }

    @Test
    void anAnswerThatIsNoListIsUnavailable() {
        opds = "{\"code\":\"DINKES\"}";
        OpdRegistryClient client = client(startRegistry(), Duration.ZERO, Clock.systemUTC());

        assertThatThrownBy(client::names).isInstanceOf(OpdRegistryUnavailableException.class);
    }

    private String startRegistry() {
        try {
            registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.createContext("/", this::answer);
        registry.start();
        return "http://127.0.0.1:" + registry.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            try {
                SUBMISSION_SERVICE.verify(exchange.getRequestHeaders()::getFirst, exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath());
            } catch (InvalidIdentityException e) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (!exchange.getRequestURI().getRawPath().equals(OpdRegistryClient.OPDS)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            reads.incrementAndGet();
            byte[] body = opds.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static OpdRegistryClient client(String uri, Duration refresh, Clock clock) {
        return new OpdRegistryClient(RestClient.builder(), new OpdRegistryProperties(URI.create(uri), refresh), STATS,
                clock);
    }

    private static IdentitySigner signer(String application) {
        return new IdentitySigner(application, new IdentityProperties(SECRET, Duration.ofSeconds(60),
                Duration.ofSeconds(5)), Clock.systemUTC());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-30T05:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
