package id.go.bangka.inovasi.gateway.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.bangka.inovasi.gateway.caller.Caller;
import id.go.bangka.inovasi.gateway.caller.CallerAuthentication;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class JwtCallerConverterTest {

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").claims(c -> c.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }

    @Test
    void nestedClaimsAsInKeycloakAreRead() {
        var converter = new JwtCallerConverter(new OidcClaimsProperties("azp", "realm_access.roles", "opd"));
        Caller caller = ((CallerAuthentication) converter.convert(jwt(Map.of("sub", "f81d4fae", "azp",
                "portal-dinsos", "realm_access", Map.of("roles", List.of("portal", "offline_access")),
                "opd", "DINSOS,DINKES"))).block()).caller();

        assertThat(caller.clientId()).isEqualTo("oidc:portal-dinsos");
        assertThat(caller.roles()).containsExactly("portal");
        assertThat(caller.opdCodes()).containsExactlyInAnyOrder("DINSOS", "DINKES");
        assertThat(caller.method()).isEqualTo(Caller.AuthenticationMethod.OIDC);
    }

    @Test
    void aTokenWithoutAUsableIdIsInvalid() {
        var converter = new JwtCallerConverter(new OidcClaimsProperties("sub", "roles", "opd_codes"));
        assertThatThrownBy(() -> converter.convert(jwt(Map.of("sub", "two words"))).block())
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> converter.convert(jwt(Map.of("roles", "portal"))).block())
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> converter.convert(jwt(Map.of("sub", "s".repeat(96)))).block())
                .as("with its prefix, an id is at most 100 characters").isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void anOidcCallersIdIsNamespacedSoItNeverStandsForAnApiClient() {
        var converter = new JwtCallerConverter(new OidcClaimsProperties("sub", "roles", "opd_codes"));

        Caller caller = ((CallerAuthentication) converter.convert(jwt(Map.of("sub", "portal-dinkes", "roles",
                "portal", "opd_codes", List.of("DINKES")))).block()).caller();
        Caller anonymous = ((CallerAuthentication) converter.convert(jwt(Map.of("sub", "anonymous"))).block())
                .caller();

        assertThat(caller.clientId()).isEqualTo("oidc:portal-dinkes");
        assertThat(anonymous.clientId()).as("never the anonymous public").isEqualTo("oidc:anonymous");
        assertThat(converter.convert(jwt(Map.of("sub", "s".repeat(95)))).block()).isNotNull();
    }

    @Test
    void aTokenClaimingEveryOpdIsInvalid() {
        var converter = new JwtCallerConverter(new OidcClaimsProperties("sub", "roles", "opd_codes"));

        for (Object claim : List.of("*", "DINKES *", List.of("DINKES", "*"))) {
            assertThatThrownBy(() -> converter.convert(jwt(Map.of("sub", "portal-7", "roles", "portal",
                    "opd_codes", claim))).block()).as(claim.toString())
                    .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("granted only by the clients file");
        }
    }
}
