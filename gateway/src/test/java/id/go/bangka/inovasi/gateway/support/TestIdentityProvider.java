package id.go.bangka.inovasi.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An OIDC issuer for tests: serves its discovery document and JWK set over HTTP and mints RS256 tokens locally.
 * {@link #forgedToken} signs with a different key under the same key id, as an attacker would.
 */
public final class TestIdentityProvider {

    public static final String AUDIENCE = "inovasi-api";
    private static final String KEY_ID = "test-key-1";

    private final HttpServer server;
    private final RSAKey key = generate();
    private final RSAKey strangerKey = generate();

    public TestIdentityProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, """
                {"issuer":"%s","jwks_uri":"%s/jwks","subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer(), issuer())));
        server.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A valid token for {@code subject} with these extra claims, valid for five minutes. */
    public String token(String subject, Map<String, Object> claims) {
        return sign(key, claims(subject, issuer(), AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), claims));
    }

    /** A token whose lifetime ended ten minutes ago (beyond any clock skew). */
    public String expiredToken(String subject, Map<String, Object> claims) {
        return sign(key, claims(subject, issuer(), AUDIENCE, Instant.now().minus(Duration.ofMinutes(10)), claims));
    }

    public String tokenForAudience(String subject, String audience, Map<String, Object> claims) {
        return sign(key, claims(subject, issuer(), audience, Instant.now().plus(Duration.ofMinutes(5)), claims));
    }

    public String tokenFromIssuer(String subject, String issuer, Map<String, Object> claims) {
        return sign(key, claims(subject, issuer, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), claims));
    }

    /** A token signed with another key under this issuer's key id. */
    public String forgedToken(String subject, Map<String, Object> claims) {
        return sign(strangerKey, claims(subject, issuer(), AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)),
                claims));
    }

    private static JWTClaimsSet claims(String subject, String issuer, String audience, Instant expiry,
            Map<String, Object> extra) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                .audience(List.of(audience)).issueTime(Date.from(expiry.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expiry));
        extra.forEach(builder::claim);
        return builder.build();
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
