package id.go.bangka.inovasi.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OIDC provider for tests, with the JDK alone: its discovery document and JWK set, RS256 tokens minted locally,
 * and the Authorization Code flow with PKCE (S256) for a browser: the authorization endpoint approves the one user
 * set by {@link #signInAs} at once and redirects back with a code; the token endpoint exchanges the code for an
 * access token only for the same client, redirect URI and code verifier. {@link #forged} signs with a key of its own
 * under the issuer's key id, as an attacker would.
 */
public final class TestOidcProvider {

    private static final String KEY_ID = "test-oidc-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KeyPair keys = rsa();
    private final KeyPair strangerKeys = rsa();
    private final HttpServer server;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final AtomicInteger exchanged = new AtomicInteger();
    private volatile User user;

    /** Who the authorization endpoint signs in, for which client and audience. */
    private record User(String clientId, String audience, String subject, Map<String, Object> claims) {
    }

    /** An authorization code waiting for its exchange. */
    private record Grant(String clientId, String redirectUri, String challenge) {
    }

    public TestOidcProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, Map.of(
                "issuer", issuer(), "jwks_uri", issuer() + "/jwks", "authorization_endpoint", issuer() + "/authorize",
                "token_endpoint", issuer() + "/token", "response_types_supported", List.of("code"),
                "code_challenge_methods_supported", List.of("S256"), "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"))));
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        server.createContext("/jwks", exchange -> json(exchange, 200, Map.of("keys", List.of(Map.of(
                "kty", "RSA", "use", "sig", "alg", "RS256", "kid", KEY_ID,
                "n", base64Url(unsigned(publicKey.getModulus())),
                "e", base64Url(unsigned(publicKey.getPublicExponent())))))));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The user the authorization endpoint approves from now on, for this client, with a token for this audience. */
    public void signInAs(String clientId, String audience, String subject, Map<String, Object> claims) {
        user = new User(clientId, audience, subject, Map.copyOf(claims));
    }

    /** How many codes were exchanged for a token (each with its PKCE verifier checked). */
    public int exchangedCodes() {
        return exchanged.get();
    }

    /** A token for this audience, expiring {@code validFor} from now (negative: already expired). */
    public String token(String subject, String audience, Duration validFor, Map<String, Object> claims) {
        return sign(keys.getPrivate(), issuer(), subject, audience, validFor, claims);
    }

    /** A token signed with this provider's key but naming another issuer, valid for five minutes. */
    public String tokenFromIssuer(String issuer, String subject, String audience, Map<String, Object> claims) {
        return sign(keys.getPrivate(), issuer, subject, audience, Duration.ofMinutes(5), claims);
    }

    /** A token signed with another key under this issuer's key id. */
    public String forged(String subject, String audience, Map<String, Object> claims) {
        return sign(strangerKeys.getPrivate(), issuer(), subject, audience, Duration.ofMinutes(5), claims);
    }

    public void stop() {
        server.stop(0);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        User approved = user;
        String redirectUri = query.get("redirect_uri");
        if (approved == null || !approved.clientId().equals(query.get("client_id")) || redirectUri == null
                || !"code".equals(query.get("response_type")) || !"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null) {
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(approved.clientId(), redirectUri, query.get("code_challenge")));
        String state = query.get("state") == null ? "" : "&state=" + URLEncoder.encode(query.get("state"),
                StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", redirectUri + (URI.create(redirectUri).getRawQuery() == null
                ? "?" : "&") + "code=" + code + state);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
            exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = body.get("code") == null ? null : grants.remove(body.get("code"));
        User approved = user;
        if (!"authorization_code".equals(body.get("grant_type")) || grant == null || approved == null
                || !grant.clientId().equals(body.get("client_id"))
                || !grant.redirectUri().equals(body.get("redirect_uri"))
                || !grant.challenge().equals(challenge(body.get("code_verifier")))) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        exchanged.incrementAndGet();
        Duration lifetime = Duration.ofMinutes(5);
        json(exchange, 200, Map.of("access_token", token(approved.subject(), approved.audience(), lifetime,
                approved.claims()), "token_type", "Bearer", "expires_in", lifetime.toSeconds()));
    }

    private static String challenge(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            return base64Url(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(PrivateKey key, String issuer, String subject, String audience, Duration validFor,
            Map<String, Object> claims) {
        Instant now = Instant.now();
        Map<String, Object> payload = new LinkedHashMap<>(claims);
        payload.put("iss", issuer);
        payload.put("sub", subject);
        payload.put("aud", audience);
        payload.put("iat", now.minus(Duration.ofMinutes(20)).getEpochSecond());
        payload.put("exp", now.plus(validFor).getEpochSecond());
        String signingInput = base64Url(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT",
                "kid", KEY_ID))) + "." + base64Url(JSON.writeValueAsBytes(payload));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
