package id.go.bangka.inovasi.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs caller identities at the gateway and verifies them in the services (HMAC-SHA256 over the identity and a
 * timestamp, with a secret only the platform knows). A signature older than the maximum age is refused, so a captured
 * header set cannot be replayed for long.
 */
public final class IdentitySigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration maxAge;
    private final Clock clock;

    public IdentitySigner(String secret, Duration maxAge, Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("inovasi.identity.secret must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Signs an identity now. */
    public SignedIdentity sign(CallerIdentity identity) {
        long now = clock.instant().getEpochSecond();
        return new SignedIdentity(identity, now, mac(SignedIdentity.canonical(identity, now)));
    }

    /**
     * Reads and verifies the identity headers of a request.
     *
     * @param header returns a header's value, or null when absent
     * @return the identity
     * @throws InvalidIdentityException when the headers are missing, forged or stale
     */
    public CallerIdentity verify(UnaryOperator<String> header) {
        String clientId = header.apply(IdentityHeaders.CLIENT_ID);
        String signature = header.apply(IdentityHeaders.SIGNATURE);
        String timestamp = header.apply(IdentityHeaders.TIMESTAMP);
        if (clientId == null || signature == null || timestamp == null) {
            throw new InvalidIdentityException("The request carries no identity signed by the gateway.");
        }
        long epochSeconds;
        try {
            epochSeconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new InvalidIdentityException("The identity timestamp is not a number.");
        }
        CallerIdentity identity = new CallerIdentity(clientId, split(header.apply(IdentityHeaders.ROLES)),
                split(header.apply(IdentityHeaders.OPD_CODES)), header.apply(IdentityHeaders.REQUEST_ID));
        byte[] expected = mac(SignedIdentity.canonical(identity, epochSeconds)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidIdentityException("The identity signature does not match.");
        }
        long age = clock.instant().getEpochSecond() - epochSeconds;
        if (age > maxAge.toSeconds() || age < -maxAge.toSeconds()) {
            throw new InvalidIdentityException("The identity signature is stale.");
        }
        return identity;
    }

    private static Set<String> split(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> parts = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(parts::add);
        return parts;
    }

    private String mac(String canonical) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
