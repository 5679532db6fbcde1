package id.go.bangka.inovasi.gateway.session;

import java.net.URI;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OIDC sign-in in the web pages (Authorization Code with PKCE, a public client): offered when a client id is set and
 * the gateway accepts OIDC tokens ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}); otherwise the pages
 * offer API-key sign-in only.
 *
 * @param clientId the web pages' client id at the identity provider (a public client, redirect URI the gateway's
 *                 {@code /}); empty: no OIDC sign-in in the pages
 * @param scopes   the scopes asked for, space-separated
 */
@ConfigurationProperties("inovasi.gateway.web.oidc")
public record WebSignInProperties(@DefaultValue("") String clientId, @DefaultValue("openid") String scopes) {

    /** The provider the pages sign in at, when a client id is set and the gateway trusts {@code issuer}. */
    public Optional<SignInOptions.Oidc> oidc(String issuer) {
        return clientId.isBlank() || issuer == null || issuer.isBlank() ? Optional.empty()
                : Optional.of(new SignInOptions.Oidc(issuer, clientId, scopes));
    }

    /**
     * The origin the pages' scripts must reach for OIDC sign-in (the issuer's discovery document and token endpoint,
     * at the issuer's origin), or empty when the pages offer API keys only.
     */
    public Optional<String> connectOrigin(String issuer) {
        return oidc(issuer).map(o -> URI.create(o.issuer())).map(u -> u.getScheme() + "://" + u.getRawAuthority());
    }
}
