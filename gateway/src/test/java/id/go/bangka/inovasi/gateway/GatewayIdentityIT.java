package id.go.bangka.inovasi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;

import id.go.bangka.inovasi.gateway.support.Http.Reply;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.InvalidIdentityException;
import id.go.bangka.inovasi.platform.identity.SignedIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What identity reaches a service: the verified caller, signed for that service, method, path and query only, with
 * every forged identity header and the credentials themselves removed; anonymous reads as the signed anonymous public.
 */
class GatewayIdentityIT extends GatewayTestBase {

    @Test
    void aPortalKeyBecomesASignedIdentityAndTheKeyStaysAtTheGateway() {
        Reply reply = http.send("POST", "/api/v1/submissions", Map.of("X-Api-Key", PORTAL_KEY,
                "X-Inovasi-Roles", "reviewer", "X-Inovasi-Opd-Codes", "*", "X-Request-Id", "req-123"), "{}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.all("X-Request-Id")).containsExactly("req-123");
        CallerIdentity identity = identityAtTheService("submission-service");
        assertThat(identity.clientId()).isEqualTo("portal-dinkes");
        assertThat(identity.roles()).containsExactly("portal");
        assertThat(identity.opdCodes()).containsExactly("DINKES");
        assertThat(identity.requestId()).isEqualTo("req-123");
        assertThat(BACKEND.lastHeaders().getFirst("X-Api-Key")).isNull();
        assertThat(BACKEND.lastHeaders().get("X-Inovasi-Roles")).containsExactly("portal");
    }

    @Test
    void anonymousReadsPassAsTheAnonymousPublicWithForgedHeadersRemoved() {
        Reply reply = http.get("/api/v1/innovations", Map.of("X-Inovasi-Client-Id", "bappeda",
                "X-Inovasi-Roles", "reviewer", "X-Inovasi-Opd-Codes", "*",
                "X-Inovasi-Identity-Time", "1", "X-Inovasi-Identity-Signature", "forged"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        CallerIdentity identity = identityAtTheService("catalog-service");
        assertThat(identity.isAnonymous()).isTrue();
        assertThat(identity.roles()).isEmpty();
        assertThat(identity.opdCodes()).isEmpty();
        assertThat(BACKEND.lastHeaders().get("X-Inovasi-Identity-Signature")).hasSize(1)
                .doesNotContain("forged");
    }

    @Test
    void suggestionsAndSimilarInnovationsArePublicReads() {
        assertThat(http.get("/api/v1/innovations/suggest?q=posyandu%20rem", Map.of()).status()).isEqualTo(200);
        assertThat(identityAtTheService("catalog-service").isAnonymous()).isTrue();
        assertThat(http.get("/api/v1/innovations/3f1c0b9e/similar", Map.of()).status()).isEqualTo(200);
        assertThat(identityAtTheService("catalog-service").isAnonymous()).isTrue();
        assertThat(http.send("POST", "/api/v1/innovations/3f1c0b9e/similar", Map.of(), "{}").status())
                .isEqualTo(401);
    }

    @Test
    void aBearerTokenBecomesTheSameSignedIdentityAndNeverReachesTheService() {
        String token = token("dashboard-user-7", Map.of("roles", List.of("reviewer", "admin"),
                "opd_codes", "DINKES DINSOS"));

        Reply reply = http.get("/api/v1/submissions/3f1c", bearer(token));

        assertThat(reply.status()).isEqualTo(200);
        CallerIdentity identity = identityAtTheService("submission-service");
        assertThat(identity.clientId()).as("namespaced: never an API client's id").isEqualTo("oidc:dashboard-user-7");
        assertThat(identity.roles()).as("unknown roles are dropped").containsExactly("reviewer");
        assertThat(identity.opdCodes()).containsExactlyInAnyOrder("DINKES", "DINSOS");
        assertThat(BACKEND.lastHeaders().getFirst("Authorization")).isNull();
    }

    @Test
    void theSignatureIsGoodOnlyForTheRoutesServiceAndTheMethodPathAndQueryItReceives() {
        String search = "/api/v1/innovations?q=kes%C3%A9hatan+desa%20digital&field=HEALTH&opdCode=DINKES";
        assertThat(http.get(search, key(REVIEWER_KEY)).status()).isEqualTo(200);

        assertThat(BACKEND.lastPathAndQuery()).isEqualTo(search);
        SignedIdentity signed = signedIdentityAtTheService("catalog-service");
        assertThat(signed.signer()).isEqualTo("gateway");
        assertThat(signed.identity().clientId()).isEqualTo("bappeda-reviewer");
        Headers headers = BACKEND.lastHeaders();
        assertThatThrownBy(() -> verifier("catalog-service").verify(headers::getFirst, "GET", "/api/v1/review/queue"))
                .as("another path").isInstanceOf(InvalidIdentityException.class);
        assertThatThrownBy(() -> verifier("catalog-service").verify(headers::getFirst, "GET", "/api/v1/innovations"))
                .as("another query").isInstanceOf(InvalidIdentityException.class);
        assertThatThrownBy(() -> verifier("catalog-service").verify(headers::getFirst, "POST", search))
                .as("another method").isInstanceOf(InvalidIdentityException.class);
        assertThatThrownBy(() -> verifier("stats-service").verify(headers::getFirst, "GET", search))
                .as("another service").isInstanceOf(InvalidIdentityException.class);

        assertThat(http.send("PUT", "/api/v1/innovations/7", with(key(PORTAL_KEY), "If-Match", "\"1\""), "{}")
                .status()).isEqualTo(200);
        assertThat(identityAtTheService("submission-service").clientId())
                .as("innovation writes go to intake, signed for it").isEqualTo("portal-dinkes");

        assertThat(http.get("/v3/api-docs/catalog", Map.of()).status()).isEqualTo(200);
        assertThat(BACKEND.lastPathAndQuery()).isEqualTo("/v3/api-docs");
        assertThat(identityAtTheService("catalog-service").isAnonymous())
                .as("signed for the path after the route's rewrite").isTrue();
    }

    @Test
    void theRequestIdIsAcceptedWhenPlainOtherwiseReplacedAndAlwaysReturned() {
        Reply accepted = http.get("/api/v1/innovations", Map.of("X-Request-Id", "dash-42.a:b_c"));
        assertThat(accepted.header("X-Request-Id")).isEqualTo("dash-42.a:b_c");
        assertThat(BACKEND.lastHeaders().getFirst("X-Request-Id")).isEqualTo("dash-42.a:b_c");

        Reply replaced = http.get("/api/v1/innovations", Map.of("X-Request-Id", "x".repeat(101)));
        assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(identityAtTheService("catalog-service").requestId()).isEqualTo(replaced.header("X-Request-Id"));

        Reply refused = http.send("POST", "/api/v1/submissions", Map.of("X-Request-Id", "rejected-1"), "{}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("X-Request-Id")).isEqualTo("rejected-1");
    }

    @Test
    void aServiceThatSetsItsOwnRequestIdAndCorsHeadersDoesNotDuplicateTheGateways() {
        Reply reply = http.get("/api/v1/innovations", Map.of("Origin", DASHBOARD_ORIGIN,
                "X-Request-Id", "from-the-dashboard", "X-Test-Own-Headers", "yes"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.all("X-Request-Id")).containsExactly("from-the-dashboard");
        assertThat(reply.all("Access-Control-Allow-Origin")).containsExactly(DASHBOARD_ORIGIN);
    }
}
