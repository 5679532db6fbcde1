package id.go.bangka.inovasi.gateway.session;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How the web pages may sign in ({@code GET /api/v1/session/config}): always with an API key, and with OIDC when
 * {@link #oidc()} is present.
 *
 * @param oidc the identity provider to sign in at, or null for API keys only
 */
@Schema(description = "How the web pages may sign in")
public record SignInOptions(@Schema(nullable = true, description = "Absent (null): API-key sign-in only") Oidc oidc) {

    /**
     * An OIDC provider for the Authorization Code flow with PKCE (S256); its discovery document is at
     * {@code <issuer>/.well-known/openid-configuration}.
     *
     * @param issuer   the issuer the gateway trusts
     * @param clientId the web pages' public client id
     * @param scopes   the scopes to ask for, space-separated
     */
    public record Oidc(@Schema(example = "https://sso.bangka.go.id/realms/inovasi") String issuer,
            @Schema(example = "inovasi-web") String clientId, @Schema(example = "openid") String scopes) {
    }
}
