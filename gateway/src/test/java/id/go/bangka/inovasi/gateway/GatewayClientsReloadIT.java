package id.go.bangka.inovasi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.gateway.auth.ApiKeyRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keys are rotated and revoked by editing the clients file while the gateway runs: no restart, no gap in which
 * neither key works, and an invalid file never locks anyone out.
 */
class GatewayClientsReloadIT extends GatewayTestBase {

    private static final String NEW_KEY = "rotating-new-key-0123456789";
    private static final Duration RELOADED = Duration.ofSeconds(5);

    @AfterEach
    void restoreTheClientsFile() throws IOException {
        replaceClientsFile(initialClientsFile());
        await().atMost(RELOADED).until(() -> status(ROTATING_OLD_KEY) == 200);
    }

    @Test
    void aKeyIsRotatedWithoutDowntimeAndTheOldOneRevoked() throws IOException {
        assertThat(status(ROTATING_OLD_KEY)).isEqualTo(200);
        assertThat(status(NEW_KEY)).isEqualTo(401);

        replaceClientsFile(clientsYaml(ApiKeyRegistry.hash(ROTATING_OLD_KEY), ApiKeyRegistry.hash(NEW_KEY)));
        await().atMost(RELOADED).until(() -> status(NEW_KEY) == 200);
        assertThat(status(ROTATING_OLD_KEY)).as("both keys work during the rotation").isEqualTo(200);

        replaceClientsFile(clientsYaml(ApiKeyRegistry.hash(NEW_KEY)));
        await().atMost(RELOADED).until(() -> status(ROTATING_OLD_KEY) == 401);
        assertThat(status(NEW_KEY)).isEqualTo(200);
        assertThat(identityAtTheService("submission-service").clientId()).isEqualTo("rotating-portal");
    }

    @Test
    void aRevokedClientIsRefusedAndAnInvalidFileChangesNothing() throws IOException {
        replaceClientsFile("inovasi:\n  gateway:\n    clients: []\n");
        await().atMost(RELOADED).until(() -> status(ROTATING_OLD_KEY) == 401);

        replaceClientsFile(initialClientsFile());
        await().atMost(RELOADED).until(() -> status(ROTATING_OLD_KEY) == 200);
        replaceClientsFile(clientsYaml("not-a-sha256-hash"));
        waitForTwoReloads();
        assertThat(status(ROTATING_OLD_KEY)).as("an invalid file keeps the clients in force").isEqualTo(200);
        replaceClientsFile("inovasi: [unclosed");
        waitForTwoReloads();
        assertThat(status(ROTATING_OLD_KEY)).isEqualTo(200);
    }

    private int status(String key) {
        return http.send("POST", "/api/v1/submissions", key(key), "{}").status();
    }

    /** Replaces the file atomically, as docs/security.md tells operators to. */
    private static void replaceClientsFile(String content) throws IOException {
        var next = CLIENTS_FILE.resolveSibling("clients.yml.next");
        Files.writeString(next, content);
        Files.move(next, CLIENTS_FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void waitForTwoReloads() {
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
