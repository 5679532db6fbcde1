package id.go.bangka.inovasi.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the client of an API key. Keys are only ever held as SHA-256 hashes and compared in constant time against
 * every stored hash, so neither a lookup's timing nor a leaked configuration reveals a key.
 */
@Component
public class ApiKeyRegistry {

    private record StoredKey(byte[] hash, ApiClientProperties.Client client) {
    }

    private final List<StoredKey> keys;

    public ApiKeyRegistry(ApiClientProperties properties) {
        this.keys = properties.clients().stream()
                .flatMap(client -> client.keySha256().stream()
                        .map(hex -> new StoredKey(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)), client)))
                .toList();
    }

    /** The client whose key this is, if any. */
    public Optional<ApiClientProperties.Client> find(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        ApiClientProperties.Client match = null;
        for (StoredKey key : keys) {
            if (MessageDigest.isEqual(presented, key.hash()) && match == null) {
                match = key.client();
            }
        }
        return Optional.ofNullable(match);
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
