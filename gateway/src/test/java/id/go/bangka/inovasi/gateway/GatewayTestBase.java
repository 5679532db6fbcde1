package id.go.bangka.inovasi.gateway;

import id.go.bangka.inovasi.gateway.auth.ApiKeyRegistry;
import id.go.bangka.inovasi.gateway.support.FreePort;
import id.go.bangka.inovasi.gateway.support.Http;
import id.go.bangka.inovasi.gateway.support.StubBackend;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.IdentityProperties;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.SignedIdentity;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import id.go.bangka.inovasi.testsupport.TestOidcProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway for every gateway test class (they share this configuration, so Spring starts it once): submissions,
 * catalogue and reference routes lead to a {@link StubBackend}, stats to a closed port, bearer tokens come from a
 * {@link TestOidcProvider}, and the clients are known keys of every role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTestBase {

    static final String PORTAL_KEY = "portal-key-for-tests-0123456789";
    static final String REVIEWER_KEY = "reviewer-key-for-tests-0123456789";
    static final String OPS_KEY = "ops-key-for-tests-0123456789";
    static final String PUBLIC_KEY = "public-key-for-tests-0123456789";
    static final String METRICS_KEY = "metrics-key-for-tests-0123456789";
    static final String THROTTLED_KEY = "throttled-key-for-tests-0123456789";
    static final String ROTATING_OLD_KEY = "rotating-old-key-0123456789";
    static final String DASHBOARD_ORIGIN = "https://dasbor.bangka.go.id";
    static final int MAX_BODY_BYTES = 4096;
    static final int MAX_UPLOAD_BYTES = 16384;

    static final StubBackend BACKEND = new StubBackend();
    /** The web pages' client id at {@link #IDP}. */
    static final String WEB_CLIENT_ID = "inovasi-web";
    /** The audience the gateway requires of a token. */
    static final String AUDIENCE = "inovasi-api";
    static final TestOidcProvider IDP = new TestOidcProvider();
    static final Path CLIENTS_FILE = clientsFile();

    @LocalServerPort
    int port;

    Http http;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("INOVASI_SUBMISSION_URI", BACKEND::uri);
        registry.add("INOVASI_CATALOG_URI", BACKEND::uri);
        registry.add("INOVASI_STATS_URI", () -> "http://127.0.0.1:" + FreePort.pick());
        registry.add("inovasi.identity.secret", () -> Infrastructure.IDENTITY_SECRET);
        registry.add("inovasi.gateway.clients-file", CLIENTS_FILE::toString);
        registry.add("inovasi.gateway.clients-reload-interval", () -> "200ms");
        client(registry, 0, "portal-dinkes", "portal", "DINKES", PORTAL_KEY);
        client(registry, 1, "bappeda-reviewer", "reviewer", null, REVIEWER_KEY);
        client(registry, 2, "ops-team", "ops", null, OPS_KEY);
        client(registry, 3, "public-dashboard", "public", null, PUBLIC_KEY);
        client(registry, 4, "throttled-portal", "portal", "DINKES", THROTTLED_KEY);
        registry.add("inovasi.gateway.clients[4].rate-limit.requests-per-second", () -> "1");
        registry.add("inovasi.gateway.clients[4].rate-limit.burst", () -> "2");
        client(registry, 5, "prometheus", "metrics", null, METRICS_KEY);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", IDP::issuer);
        registry.add("inovasi.gateway.web.oidc.client-id", () -> WEB_CLIENT_ID);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
        // Every test here calls from 127.0.0.1: the anonymous limit per IP is tested in RateLimitPolicyTest and
        // end to end in SecurityMatrixIT, the bucket itself with throttled-portal.
        registry.add("inovasi.gateway.rate-limit.anonymous.requests-per-second", () -> "1000");
        registry.add("inovasi.gateway.rate-limit.anonymous.burst", () -> "2000");
        registry.add("inovasi.gateway.cors.allowed-origins", () -> DASHBOARD_ORIGIN);
        registry.add("inovasi.gateway.request.max-body-size", () -> MAX_BODY_BYTES + "B");
        registry.add("inovasi.gateway.request.max-upload-size", () -> MAX_UPLOAD_BYTES + "B");
        registry.add("inovasi.gateway.timeouts.catalog", () -> "1500");
        registry.add("resilience4j.circuitbreaker.instances.stats-service.minimum-number-of-calls", () -> "4");
        registry.add("resilience4j.circuitbreaker.instances.stats-service.sliding-window-size", () -> "4");
        registry.add("resilience4j.circuitbreaker.instances.stats-service.wait-duration-in-open-state",
                () -> "30s");
    }

    private static void client(DynamicPropertyRegistry registry, int index, String id, String role, String opd,
            String key) {
        String prefix = "inovasi.gateway.clients[" + index + "].";
        registry.add(prefix + "id", () -> id);
        registry.add(prefix + "roles[0]", () -> role);
        if (opd != null) {
            registry.add(prefix + "opd-codes[0]", () -> opd);
        }
        registry.add(prefix + "key-sha256[0]", () -> ApiKeyRegistry.hash(key));
    }

    @BeforeEach
    void client() {
        http = new Http("http://127.0.0.1:" + port);
        BACKEND.reset();
    }

    static Map<String, String> key(String key) {
        return Map.of("X-Api-Key", key);
    }

    /** A valid token of {@link #IDP} for {@code subject} with these claims, for five minutes. */
    static String token(String subject, Map<String, Object> claims) {
        return IDP.token(subject, AUDIENCE, Duration.ofMinutes(5), claims);
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    /**
     * The identity the service received, verified as platform-starter verifies it in the named service, for the
     * method, path and query the service received.
     */
    static CallerIdentity identityAtTheService(String service) {
        return signedIdentityAtTheService(service).identity();
    }

    static SignedIdentity signedIdentityAtTheService(String service) {
        var headers = BACKEND.lastHeaders();
        return verifier(service).verify(headers::getFirst, BACKEND.lastMethod(), BACKEND.lastPathAndQuery());
    }

    /** How the named service verifies identities. */
    static IdentitySigner verifier(String service) {
        return new IdentitySigner(service, new IdentityProperties(Infrastructure.IDENTITY_SECRET,
                Duration.ofSeconds(60), Duration.ofSeconds(5)), Clock.systemUTC());
    }

    /** The clients file as the tests start with it: one portal whose key is rotated and revoked by a test. */
    static String initialClientsFile() {
        return clientsYaml(ApiKeyRegistry.hash(ROTATING_OLD_KEY));
    }

    static String clientsYaml(String... hashes) {
        return """
                inovasi:
                  gateway:
                    clients:
                      - id: rotating-portal
                        roles: [portal]
                        opd-codes: [DINKES]
                        key-sha256: [%s]
                """.formatted(String.join(", ", hashes));
    }

    private static Path clientsFile() {
        try {
            Path file = Files.createTempDirectory("gateway-clients").resolve("clients.yml");
            Files.writeString(file, initialClientsFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
