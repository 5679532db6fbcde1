package id.go.bangka.inovasi.gateway.oidc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where an OIDC token carries the caller's identity. A claim name may be a dotted path into nested claims, such as
 * {@code realm_access.roles}.
 *
 * @param clientIdClaim the caller's id (forwarded to the services and shown in audit trails)
 * @param rolesClaim    its roles: a list or a space- or comma-separated string; unknown roles are ignored
 * @param opdCodesClaim the OPD codes it may act for, in the same forms
 */
@ConfigurationProperties("inovasi.gateway.oidc")
public record OidcClaimsProperties(@DefaultValue("sub") String clientIdClaim,
        @DefaultValue("roles") String rolesClaim, @DefaultValue("opd_codes") String opdCodesClaim) {
}
