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
 * Signs caller identities (the gateway for each routed request; a service for each call it makes to another one,
 * acting for its caller) and verifies them in the receiving service: HMAC-SHA256 with a secret only the platform knows
 * over the identity, the signer, the one request it is for (service, method, path and query) and the time. A
 * signature is refused when it is older than the maximum age or lies further in the future than the clock skew
 * allows, and at any other service, method, path or query than the one it was made for.
 */
public final class IdentitySigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final String self;
    private final SecretKeySpec key;
    private final Duration maxAge;
    private final Duration maxClockSkew;
    private final Clock clock;

    /**
     * @param self       this application's name ({@code spring.application.name}): the signer of what it signs and
     *                   the only service whose requests it accepts
     * @param properties the secret, maximum age and clock skew
     * @param clock      the time of signing and verifying
     */
    public IdentitySigner(String self, IdentityProperties properties, Clock clock) {
        if (self == null || self.isBlank()) {
            throw new IllegalArgumentException("spring.application.name must name the application that signs");
        }
        String secret = properties.secret();
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("inovasi.identity.secret must be at least 32 characters");
        }
        this.self = self;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.maxAge = properties.maxAge();
        this.maxClockSkew = properties.maxClockSkew();
        this.clock = clock;
    }

    /** Signs an identity now, as this application, for exactly one request. */
    public SignedIdentity sign(CallerIdentity identity, RequestTarget target) {
        long now = clock.instant().getEpochSecond();
        return new SignedIdentity(identity, self, target, now,
                mac(SignedIdentity.canonical(identity, self, target, now)));
    }

    /**
     * Reads and verifies the identity headers of a request this application received.
     *
     * @param header       returns a header's value, or null when absent
     * @param method       the request's HTTP method
     * @param pathAndQuery the request's raw path and query, as in {@link RequestTarget#pathAndQuery()}
     * @return the identity with its signer
     * @throws InvalidIdentityException when the headers are missing, forged, made for another request, stale or
     *                                  from the future
     */
    public SignedIdentity verify(UnaryOperator<String> header, String method, String pathAndQuery) {
        String clientId = header.apply(IdentityHeaders.CLIENT_ID);
        String signer = header.apply(IdentityHeaders.SIGNER);
        String signature = header.apply(IdentityHeaders.SIGNATURE);
        String timestamp = header.apply(IdentityHeaders.TIMESTAMP);
        if (clientId == null || signer == null || signature == null || timestamp == null) {
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
        RequestTarget target = new RequestTarget(self, method, pathAndQuery);
        String expected = mac(SignedIdentity.canonical(identity, signer, target, epochSeconds));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidIdentityException(
                    "The identity signature does not match this request (service, method, path and query).");
        }
        long age = clock.instant().getEpochSecond() - epochSeconds;
        if (age > maxAge.toSeconds()) {
            throw new InvalidIdentityException("The identity signature is stale.");
        }
        if (-age > maxClockSkew.toSeconds()) {
            throw new InvalidIdentityException("The identity signature is dated in the future.");
        }
        return new SignedIdentity(identity, signer, target, epochSeconds, signature);
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
