package id.go.bangka.inovasi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.support.Http.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OIDC bearer tokens minted locally and checked against the JWK set the test issuer serves: valid ones act with
 * the roles and OPD codes of their claims; a bad signature, an expired token, another audience or issuer are 401.
 */
class GatewayOidcIT extends GatewayTestBase {

    private static final Map<String, Object> PORTAL_CLAIMS = Map.of("roles", List.of("portal"),
            "opd_codes", List.of("DINKES"));

    @Test
    void aValidPortalTokenMayWrite() {
        Reply reply = http.send("POST", "/api/v1/submissions", bearer(token("portal-sso-dinkes", PORTAL_CLAIMS)),
                "{}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(identityAtTheService("submission-service").clientId()).isEqualTo("oidc:portal-sso-dinkes");
        assertThat(identityAtTheService("submission-service").opdCodes()).containsExactly("DINKES");
    }

    @Test
    void aTokenWithoutTheRoleOrWithoutOpdCodesIsForbidden() {
        Reply reviewer = http.send("POST", "/api/v1/submissions",
                bearer(token("reviewer-7", Map.of("roles", "reviewer"))), "{}");
        assertThat(reviewer.status()).isEqualTo(403);

        Reply portalWithoutOpd = http.send("POST", "/api/v1/submissions",
                bearer(token("portal-without-opd", Map.of("roles", List.of("portal")))), "{}");
        assertThat(portalWithoutOpd.status()).isEqualTo(403);
        assertThat(portalWithoutOpd.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(BACKEND.lastPath()).isNull();
    }

    @Test
    void badSignatureExpiredWrongAudienceOrIssuerAndGarbageAre401() {
        Map<String, String> tokens = Map.of(
                "bad signature", IDP.forged("portal-sso-dinkes", AUDIENCE, PORTAL_CLAIMS),
                "expired", IDP.token("portal-sso-dinkes", AUDIENCE, Duration.ofMinutes(-10), PORTAL_CLAIMS),
                "wrong audience", IDP.token("portal-sso-dinkes", "another-api", Duration.ofMinutes(5), PORTAL_CLAIMS),
                "wrong issuer", IDP.tokenFromIssuer("https://evil.example", "portal-sso-dinkes", AUDIENCE,
                        PORTAL_CLAIMS),
                "not a JWT", "not-a-jwt",
                "invalid client id", token("two words", PORTAL_CLAIMS),
                "every OPD claimed", token("portal-x", Map.of("roles", "portal", "opd_codes", "*")),
                "invalid OPD code", token("portal-x", Map.of("roles", "portal", "opd_codes", "dinkes; drop")));
        tokens.forEach((what, token) -> {
            Reply write = http.send("POST", "/api/v1/submissions", bearer(token), "{}");
            assertThat(write.status()).as(what + ": " + write.body()).isEqualTo(401);
            assertThat(write.header("Content-Type")).as(what).isEqualTo("application/problem+json");
            assertThat(write.all("WWW-Authenticate")).as(what)
                    .contains("Bearer realm=\"inovasi\", error=\"invalid_token\"");
            assertThat(http.get("/api/v1/innovations", bearer(token)).status())
                    .as(what + ": a bad token is refused even where no token is needed").isEqualTo(401);
        });
        assertThat(BACKEND.lastPath()).isNull();
    }

    @Test
    void whoAmIAnswersTheCallerOfAKeyOrATokenAnd401WithoutCredentials() {
        Reply byKey = http.get("/api/v1/session", key(PORTAL_KEY));
        assertThat(byKey.status()).isEqualTo(200);
        assertThat(byKey.body()).isEqualTo("{\"clientId\":\"portal-dinkes\",\"roles\":[\"portal\"],"
                + "\"opdCodes\":[\"DINKES\"],\"method\":\"API_KEY\"}");

        Reply byToken = http.get("/api/v1/session", bearer(token("sso-portal", Map.of("roles", "portal",
                "opd_codes", List.of("DISDIK", "DINKES")))));
        assertThat(byToken.body()).isEqualTo("{\"clientId\":\"oidc:sso-portal\",\"roles\":[\"portal\"],"
                + "\"opdCodes\":[\"DINKES\",\"DISDIK\"],\"method\":\"OIDC\"}");

        Reply anonymous = http.get("/api/v1/session", Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(BACKEND.lastPath()).as("answered by the gateway itself").isNull();
    }

    @Test
    void theWebPagesReadHowToSignInAndMayReachTheIssuer() {
        Reply config = http.get("/api/v1/session/config", Map.of());
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).isEqualTo("{\"oidc\":{\"issuer\":\"" + IDP.issuer() + "\",\"clientId\":\""
                + WEB_CLIENT_ID + "\",\"scopes\":\"openid\"}}");
        assertThat(config.header("Content-Security-Policy")).contains("connect-src 'self' " + IDP.issuer());
    }
}
