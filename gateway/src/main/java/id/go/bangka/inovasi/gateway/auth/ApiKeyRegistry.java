package id.go.bangka.inovasi.gateway.auth;

import id.go.bangka.inovasi.gateway.caller.Caller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the client of an API key. Keys are only ever held as SHA-256 hashes and compared in constant time against
 * every stored hash, so neither a lookup's timing nor a leaked configuration reveals a key. Clients come from
 * properties and from the clients file; {@link #reload()} picks up a changed file, so keys can be added, rotated and
 * revoked without a restart.
 */
@Component
public class ApiKeyRegistry {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRegistry.class);

    private record StoredKey(byte[] hash, Caller caller) {
    }

    private record Snapshot(List<StoredKey> keys, byte[] fileContent) {
    }

    private final List<ApiClientProperties.Client> configured;
    private final Path file;
    private volatile Snapshot snapshot;
    private byte[] rejectedContent;

    /**
     * Loads the clients; refuses to start when they are invalid.
     *
     * @throws IllegalStateException when a client is invalid or the clients file cannot be read
     */
    public ApiKeyRegistry(ApiClientProperties properties) {
        this.configured = List.copyOf(properties.clients());
        this.file = properties.clientsFile() == null || properties.clientsFile().isBlank() ? null
                : Path.of(properties.clientsFile());
        try {
            byte[] content = file == null ? null : ClientsFile.readIfPresent(file);
            this.snapshot = load(content);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot load the API clients: " + e.getMessage(), e);
        }
    }

    /** The caller whose key this is, if any. */
    public Optional<Caller> find(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        Caller match = null;
        for (StoredKey key : snapshot.keys()) {
            if (MessageDigest.isEqual(presented, key.hash()) && match == null) {
                match = key.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    /**
     * Re-reads the clients file if its content changed. An invalid file is reported and ignored: the clients loaded
     * before stay in force. A deleted file removes its clients.
     *
     * @return whether the clients changed
     */
    public synchronized boolean reload() {
        if (file == null) {
            return false;
        }
        byte[] content = null;
        try {
            content = ClientsFile.readIfPresent(file);
            if (Arrays.equals(content, snapshot.fileContent())
                    || content != null && Arrays.equals(content, rejectedContent)) {
                return false;
            }
            if (content == null) {
                log.warn("The clients file {} is gone: its clients are no longer accepted", file);
            }
            snapshot = load(content);
            return true;
        } catch (IOException | RuntimeException e) {
            rejectedContent = content;
            log.error("The clients file {} was not applied, the previous clients stay in force: {}", file,
                    e.getMessage());
            return false;
        }
    }

    private Snapshot load(byte[] content) throws IOException {
        List<ApiClientProperties.Client> clients = new ArrayList<>(configured);
        if (content != null) {
            clients.addAll(ClientsFile.parse(content, file));
        }
        List<String> problems = ClientsValidator.problems(clients);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        List<StoredKey> keys = clients.stream()
                .flatMap(client -> client.keySha256().stream().map(hex -> new StoredKey(
                        HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)), caller(client))))
                .toList();
        log.info("API clients in force: {} ({} keys)", clients.stream().map(ApiClientProperties.Client::id).toList(),
                keys.size());
        return new Snapshot(keys, content);
    }

    private static Caller caller(ApiClientProperties.Client client) {
        return new Caller(client.id(), client.roles(), client.opdCodes(), client.rateLimit(),
                Caller.AuthenticationMethod.API_KEY);
    }

    /** Hex SHA-256 of a key, as stored in the clients file. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
