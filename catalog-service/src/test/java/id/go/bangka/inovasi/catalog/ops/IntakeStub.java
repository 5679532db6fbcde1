package id.go.bangka.inovasi.catalog.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.go.bangka.inovasi.platform.identity.IdentityProperties;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.InvalidIdentityException;
import id.go.bangka.inovasi.platform.identity.SignedIdentity;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * submission-service's check endpoints and OPD registry as the catalogue sees them, for catalog-service's tests: it
 * verifies the identity catalog-service signs for submission-service, lists the OPDs it was given
 * ({@code GET /api/v1/opds}, which the exports read), and refuses a proposal with a title under 5 characters or a
 * year before 2015 (two of intake's rules, with intake's pointers), and a withdrawal reason over 1000 characters.
 * submission-service's {@code IntakeIT} checks the real endpoints; platform-local's {@code SecurityMatrixIT} replays
 * through the real gateway and both services.
 */
public final class IntakeStub {

    private static final IdentitySigner SUBMISSION_SERVICE = new IdentitySigner("submission-service",
            new IdentityProperties(Infrastructure.IDENTITY_SECRET, Duration.ofSeconds(60), Duration.ofSeconds(5)),
            Clock.systemUTC());

    private final HttpServer server;
    private final List<SignedIdentity> callers = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    private final byte[] opds;

    IntakeStub() {
        this("[]");
    }

    /** An intake whose registry lists {@code opdsJson}, e.g. {@code [{"code":"DINKES","name":"Dinas Kesehatan"}]}. */
    public IntakeStub(String opdsJson) {
        this.opds = opdsJson.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The verified identities of every check asked. */
    List<SignedIdentity> callers() {
        return callers;
    }

    /** Whether it answers 503 to every check, as an intake that cannot check. */
    public void down(boolean down) {
        this.down = down;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            try {
                callers.add(SUBMISSION_SERVICE.verify(exchange.getRequestHeaders()::getFirst,
                        exchange.getRequestMethod(), path));
            } catch (InvalidIdentityException e) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (path.equals("/api/v1/opds")) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, opds.length);
                exchange.getResponseBody().write(opds);
                return;
            }
            JsonNode body = JsonMapper.shared().readTree(exchange.getRequestBody().readAllBytes());
            List<String> errors = new ArrayList<>();
            if (path.equals("/api/v1/proposal-checks")) {
                if (body.path("title").asString("").strip().length() < 5) {
                    errors.add("{\"pointer\":\"/title\",\"detail\":\"must be 5 to 200 characters\"}");
                }
                if (body.path("year").asInt(0) < 2015) {
                    errors.add("{\"pointer\":\"/year\",\"detail\":\"must be from 2015 to next year\"}");
                }
            } else if (body.path("reason").asString("").length() > 1000) {
                errors.add("{\"pointer\":\"/reason\",\"detail\":\"must be at most 1000 characters\"}");
            }
            if (errors.isEmpty()) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            byte[] problem = ("{\"type\":\"https://inovasi.bangka.go.id/problems/400\",\"title\":\"Invalid request\","
                    + "\"status\":400,\"errors\":[" + String.join(",", errors) + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(400, problem.length);
            exchange.getResponseBody().write(problem);
        }
    }
}
