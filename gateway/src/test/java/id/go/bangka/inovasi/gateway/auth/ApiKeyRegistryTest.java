package id.go.bangka.inovasi.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.bangka.inovasi.gateway.caller.Caller;
import id.go.bangka.inovasi.gateway.caller.RateLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyRegistryTest {

    @TempDir
    Path dir;

    private static ApiClientProperties.Client client(String id, String role, Set<String> opds, String... keys) {
        return new ApiClientProperties.Client(id, Set.of(role), opds,
                Arrays.stream(keys).map(ApiKeyRegistry::hash).toList(), null);
    }

    private static ApiClientProperties properties(String file, ApiClientProperties.Client... clients) {
        return new ApiClientProperties(List.of(clients), file, Duration.ofSeconds(10));
    }

    @Test
    void everyKeyOfAClientFindsItAndNothingElseDoes() {
        ApiKeyRegistry registry = new ApiKeyRegistry(properties(null,
                client("portal-dinkes", "portal", Set.of("DINKES"), "old-key", "new-key"),
                client("bappeda", "reviewer", Set.of(), "reviewer-key")));

        assertThat(registry.find("old-key")).map(Caller::clientId).contains("portal-dinkes");
        assertThat(registry.find("new-key")).map(Caller::opdCodes).contains(Set.of("DINKES"));
        assertThat(registry.find("reviewer-key")).map(Caller::roles).contains(Set.of("reviewer"));
        assertThat(registry.find("old-key ")).isEmpty();
        assertThat(registry.find("")).isEmpty();
    }

    @Test
    void invalidClientsStopTheGatewayFromStartingWithEveryProblemNamed() {
        var noOpd = client("portal-x", "portal", Set.of(), "k1");
        var badRole = client("who", "admin", Set.of(), "k2");
        var reserved = client("anonymous", "public", Set.of(), "k3");
        var badHash = new ApiClientProperties.Client("short-hash", Set.of("ops"), Set.of(), List.of("abc"), null);
        var sameKey = client("copy", "ops", Set.of(), "k1");
        var oidcName = client("oidc:alice", "reviewer", Set.of(), "k4");

        assertThatThrownBy(() -> new ApiKeyRegistry(properties(null, noOpd, badRole, reserved, badHash, sameKey,
                oidcName)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("client portal-x: a portal needs at least one OPD code")
                .hasMessageContaining("client who: roles must be one or more of")
                .hasMessageContaining("'anonymous' is reserved")
                .hasMessageContaining("client short-hash: a key-sha256 entry is not 64 hexadecimal characters")
                .hasMessageContaining("client copy: a key hash is listed twice")
                .hasMessageContaining("client oidc:alice: ids starting with 'oidc:' are OIDC callers'");
    }

    @Test
    void theFileIsReadWithItsRateLimitsAndReloadedOnlyWhenValid() throws IOException {
        Path file = dir.resolve("clients.yml");
        Files.writeString(file, yaml("portal-a", ApiKeyRegistry.hash("key-a")));
        ApiKeyRegistry registry = new ApiKeyRegistry(properties(file.toString(),
                client("from-env", "ops", Set.of(), "env-key")));

        assertThat(registry.find("key-a")).map(Caller::rateLimit).contains(new RateLimit(5, 10));
        assertThat(registry.reload()).as("unchanged").isFalse();

        Files.writeString(file, yaml("portal-a", ApiKeyRegistry.hash("key-b")));
        assertThat(registry.reload()).isTrue();
        assertThat(registry.find("key-a")).isEmpty();
        assertThat(registry.find("key-b")).isPresent();
        assertThat(registry.find("env-key")).as("clients from the environment stay").isPresent();

        Files.writeString(file, yaml("portal-a", "0123"));
        assertThat(registry.reload()).isFalse();
        assertThat(registry.find("key-b")).as("an invalid file changes nothing").isPresent();

        Files.delete(file);
        assertThat(registry.reload()).isTrue();
        assertThat(registry.find("key-b")).as("a deleted file revokes its clients").isEmpty();
        assertThat(registry.find("env-key")).isPresent();
    }

    @Test
    void aMissingFileAtStartIsNoClientsButAnInvalidOneIsRefused() throws IOException {
        assertThat(new ApiKeyRegistry(properties(dir.resolve("absent.yml").toString())).find("x")).isEmpty();

        Path file = dir.resolve("clients.yml");
        Files.writeString(file, "inovasi: [");
        assertThatThrownBy(() -> new ApiKeyRegistry(properties(file.toString())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Cannot load the API clients");
    }

    private static String yaml(String id, String hash) {
        return """
                inovasi:
                  gateway:
                    clients:
                      - id: %s
                        roles: [portal]
                        opd-codes: [DINKES]
                        key-sha256: [%s]
                        rate-limit:
                          requests-per-second: 5
                          burst: 10
                """.formatted(id, hash);
    }
}
